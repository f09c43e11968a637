package io.seqcast.forecasting;

import io.seqcast.engine.Classifier;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.SavedModel;
import java.util.function.BiFunction;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.ModelVersionDeleted;
import io.seqcast.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loaded model versions, least recently used evicted, so a forecast does not reload from disk. Bounded
 * by count and by the bytes of loaded parameters (the most recent model stays even when it alone is
 * larger). The cache owns the models: it closes them on eviction, on deletion of their version and at
 * shutdown. A model's close waits for forecasts in flight on it, so evicted models are closed on a
 * thread of their own: no lookup, of that model or any other, waits for one to drain. A lookup of a loaded
 * model takes no lock (it only stamps the entry for recency); loading and eviction do.
 */
@Component
class ModelCache implements DisposableBean {

    record Key(String model, int version) {}

    private final ModelRegistry registry;
    private final ForecastingProperties properties;
    private final Map<Key, Entry> models = new ConcurrentHashMap<>();
    /** Deleted versions, so that a load that raced the deletion is not cached (numbers are never reused). */
    private final Set<Key> deleted = new HashSet<>();
    private final AtomicLong clock = new AtomicLong();
    /** Guards changes to {@code models}, {@code deleted} and {@code bytes}; lookups go without it. */
    private final Object changes = new Object();
    private long bytes;

    private static final class Entry {
        final SavedModel model;
        final String manifestSha256;
        volatile long used;

        Entry(SavedModel model, String manifestSha256, long used) {
            this.model = model;
            this.manifestSha256 = manifestSha256;
            this.used = used;
        }
    }
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-closer");
        thread.setDaemon(true);
        return thread;
    });

    /** Built once: a lookup on the forecast path allocates nothing. */
    private final BiFunction<String, Integer, ForecastModel> forecasters;
    private final BiFunction<String, Integer, Classifier> classifiers;

    ModelCache(ModelRegistry registry, ForecastingProperties properties) {
        this.registry = registry;
        this.properties = properties;
        this.forecasters = registry::load;
        this.classifiers = registry::loadClassifier;
    }

    /** The loaded forecasting model of a version, loading it on first use. */
    ForecastModel get(String model, int version) {
        return get(model, version, ForecastModel.class, forecasters);
    }

    /** The loaded classifier of a version, loading it on first use. */
    Classifier classifier(String model, int version) {
        return get(model, version, Classifier.class, classifiers);
    }

    /** The loader refuses a version of the other task (400) before loading anything. */
    private <T extends SavedModel> T get(String model, int version, Class<T> type,
            BiFunction<String, Integer, T> loader) {
        Key key = new Key(model, version);
        Entry cached = models.get(key);
        if (cached != null && type.isInstance(cached.model)) {
            cached.used = clock.incrementAndGet();
            return type.cast(cached.model);
        }
        T loaded = loader.apply(model, version);
        String manifestSha256;
        try {
            manifestSha256 = registry.manifestSha256(model, version);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        List<SavedModel> evicted = new ArrayList<>();
        SavedModel result;
        synchronized (changes) {
            if (deleted.contains(key)) {
                closeLater(List.of(loaded));
                throw new RegistryException.VersionNotFound(model, "version " + version);
            }
            Entry raced = models.get(key);
            if (raced != null) {
                evicted.add(loaded);
                result = raced.model;
            } else {
                models.put(key, new Entry(loaded, manifestSha256, clock.incrementAndGet()));
                bytes += loaded.parameterBytes();
                evictBeyondBounds(key, evicted);
                result = loaded;
            }
        }
        closeLater(evicted);
        return type.cast(result);
    }

    private void evictBeyondBounds(Key newest, List<SavedModel> evicted) {
        long maxBytes = properties.cacheBytes().toBytes();
        List<Map.Entry<Key, Entry>> eldestFirst = new ArrayList<>(models.entrySet());
        eldestFirst.sort(Comparator.comparingLong(e -> e.getValue().used));
        for (Iterator<Map.Entry<Key, Entry>> it = eldestFirst.iterator();
                (models.size() > properties.cacheSize() || bytes > maxBytes) && it.hasNext(); ) {
            Map.Entry<Key, Entry> entry = it.next();
            if (!entry.getKey().equals(newest)) {
                bytes -= entry.getValue().model.parameterBytes();
                evicted.add(entry.getValue().model);
                models.remove(entry.getKey());
            }
        }
    }

    /** The SHA-256 of the manifest of a version, read when it was loaded. */
    String manifestSha256(String model, int version) {
        Entry entry = models.get(new Key(model, version));
        return entry != null ? entry.manifestSha256 : registry.manifestSha256(model, version);
    }

    /** Drops a model that turned out closed (evicted while a request held it). */
    void invalidate(String model, int version, SavedModel closed) {
        synchronized (changes) {
            Key key = new Key(model, version);
            Entry entry = models.get(key);
            if (entry != null && entry.model == closed) {
                models.remove(key);
                bytes -= closed.parameterBytes();
            }
        }
    }

    @EventListener
    void versionDeleted(ModelVersionDeleted event) {
        SavedModel removed = null;
        synchronized (changes) {
            deleted.add(new Key(event.model(), event.version()));
            Entry entry = models.remove(new Key(event.model(), event.version()));
            if (entry != null) {
                removed = entry.model;
                bytes -= removed.parameterBytes();
            }
        }
        if (removed != null) {
            closeLater(List.of(removed));
        }
    }

    int size() {
        return models.size();
    }

    long bytes() {
        synchronized (changes) {
            return bytes;
        }
    }

    private void closeLater(List<SavedModel> doomed) {
        for (SavedModel model : doomed) {
            closer.execute(model::close);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        List<SavedModel> all;
        synchronized (changes) {
            all = new ArrayList<>(models.values().stream().map(entry -> entry.model).toList());
            models.clear();
            bytes = 0;
        }
        closeLater(all);
        closer.shutdown();
        closer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
