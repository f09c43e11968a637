package io.seqcast.forecasting;

import io.seqcast.engine.ForecastModel;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.ModelVersionDeleted;
import io.seqcast.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loaded model versions, least recently used evicted, so a forecast does not reload from disk. Bounded
 * by count and by the bytes of loaded parameters (the most recent model stays even when it alone is
 * larger). The cache owns the models: it closes them on eviction, on deletion of their version and at
 * shutdown. A model's close waits for forecasts in flight on it, so evicted models are closed on a
 * thread of their own: no lookup, of that model or any other, waits for one to drain.
 */
@Component
class ModelCache implements DisposableBean {

    record Key(String model, int version) {}

    private final ModelRegistry registry;
    private final ForecastingProperties properties;
    private final Map<Key, ForecastModel> models = new LinkedHashMap<>(16, 0.75f, true);
    /** Deleted versions, so that a load that raced the deletion is not cached (numbers are never reused). */
    private final Set<Key> deleted = new HashSet<>();
    private long bytes;
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-closer");
        thread.setDaemon(true);
        return thread;
    });

    ModelCache(ModelRegistry registry, ForecastingProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** The loaded model of a version, loading it on first use. */
    ForecastModel get(String model, int version) {
        Key key = new Key(model, version);
        synchronized (models) {
            ForecastModel cached = models.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ForecastModel loaded = registry.load(model, version);
        List<ForecastModel> evicted = new ArrayList<>();
        ForecastModel result;
        synchronized (models) {
            if (deleted.contains(key)) {
                closeLater(List.of(loaded));
                throw new RegistryException.VersionNotFound(model, "version " + version);
            }
            ForecastModel raced = models.get(key);
            if (raced != null) {
                evicted.add(loaded);
                result = raced;
            } else {
                models.put(key, loaded);
                bytes += loaded.parameterBytes();
                evictBeyondBounds(key, evicted);
                result = loaded;
            }
        }
        closeLater(evicted);
        return result;
    }

    private void evictBeyondBounds(Key newest, List<ForecastModel> evicted) {
        long maxBytes = properties.cacheBytes().toBytes();
        Iterator<Map.Entry<Key, ForecastModel>> eldestFirst = models.entrySet().iterator();
        while ((models.size() > properties.cacheSize() || bytes > maxBytes) && eldestFirst.hasNext()) {
            Map.Entry<Key, ForecastModel> entry = eldestFirst.next();
            if (!entry.getKey().equals(newest)) {
                bytes -= entry.getValue().parameterBytes();
                evicted.add(entry.getValue());
                eldestFirst.remove();
            }
        }
    }

    /** Drops a model that turned out closed (evicted while a request held it). */
    void invalidate(String model, int version, ForecastModel closed) {
        synchronized (models) {
            if (models.remove(new Key(model, version), closed)) {
                bytes -= closed.parameterBytes();
            }
        }
    }

    @EventListener
    void versionDeleted(ModelVersionDeleted event) {
        ForecastModel removed;
        synchronized (models) {
            deleted.add(new Key(event.model(), event.version()));
            removed = models.remove(new Key(event.model(), event.version()));
            if (removed != null) {
                bytes -= removed.parameterBytes();
            }
        }
        if (removed != null) {
            closeLater(List.of(removed));
        }
    }

    int size() {
        synchronized (models) {
            return models.size();
        }
    }

    long bytes() {
        synchronized (models) {
            return bytes;
        }
    }

    private void closeLater(List<ForecastModel> doomed) {
        for (ForecastModel model : doomed) {
            closer.execute(model::close);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        List<ForecastModel> all;
        synchronized (models) {
            all = new ArrayList<>(models.values());
            models.clear();
            bytes = 0;
        }
        closeLater(all);
        closer.shutdown();
        closer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
