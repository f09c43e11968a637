package io.seqcast.forecasting;

import io.seqcast.engine.ForecastModel;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.ModelVersionDeleted;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loaded model versions, least recently used evicted, so a forecast does not reload from disk. The
 * cache owns the models: it closes them on eviction, on deletion of their version and at shutdown. A
 * model's close waits for forecasts in flight on it.
 */
@Component
class ModelCache implements DisposableBean {

    record Key(String model, int version) {}

    private final ModelRegistry registry;
    private final Map<Key, ForecastModel> models;

    ModelCache(ModelRegistry registry, ForecastingProperties properties) {
        this.registry = registry;
        this.models = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ForecastModel> eldest) {
                if (size() > properties.cacheSize()) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
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
        synchronized (models) {
            ForecastModel raced = models.get(key);
            if (raced != null) {
                loaded.close();
                return raced;
            }
            models.put(key, loaded);
            return loaded;
        }
    }

    /** Drops a model that turned out closed (evicted while a request held it). */
    void invalidate(String model, int version, ForecastModel closed) {
        synchronized (models) {
            models.remove(new Key(model, version), closed);
        }
    }

    @EventListener
    void versionDeleted(ModelVersionDeleted event) {
        ForecastModel removed;
        synchronized (models) {
            removed = models.remove(new Key(event.model(), event.version()));
        }
        if (removed != null) {
            removed.close();
        }
    }

    int size() {
        synchronized (models) {
            return models.size();
        }
    }

    @Override
    public void destroy() {
        synchronized (models) {
            models.values().forEach(ForecastModel::close);
            models.clear();
        }
    }
}
