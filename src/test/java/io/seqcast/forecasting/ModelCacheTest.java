package io.seqcast.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.Deadline;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DelegatingEngine;
import io.seqcast.engine.DelegatingModel;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.ModelVersionDeleted;
import io.seqcast.registry.RegistryProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ModelCacheTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static final float[][] VALUES = new float[30][1];

    static {
        for (int t = 0; t < 30; t++) {
            VALUES[t][0] = (float) Math.sin(t);
        }
    }

    @TempDir
    Path root;

    @Test
    void theLeastRecentlyUsedVersionIsEvictedAndClosedAndADeletedOneLetGo() throws Exception {
        ModelRegistry registry = registryWithVersions(ENGINE, 3);
        ModelCache cache = new ModelCache(registry, cacheOf(2, DataSize.ofMegabytes(512)));
        ForecastModel first = cache.get("m", 1);
        assertThat(cache.get("m", 1)).isSameAs(first);
        cache.get("m", 2);
        cache.get("m", 3);
        assertThat(cache.size()).isEqualTo(2);
        awaitClosed(first);
        ForecastModel third = cache.get("m", 3);
        cache.versionDeleted(new ModelVersionDeleted("m", 3));
        assertThat(cache.size()).isEqualTo(1);
        awaitClosed(third);
        cache.destroy();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheKeepsNoMoreParameterBytesThanItsBudgetButAlwaysTheNewestModel() throws Exception {
        ModelRegistry registry = registryWithVersions(ENGINE, 3);
        ForecastModel probe = registry.load("m", 1);
        long oneModel = probe.parameterBytes();
        probe.close();
        assertThat(oneModel).isPositive();
        ModelCache cache = new ModelCache(registry, cacheOf(16, DataSize.ofBytes(2 * oneModel)));
        cache.get("m", 1);
        cache.get("m", 2);
        cache.get("m", 3);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.bytes()).isEqualTo(2 * oneModel);
        ModelCache tiny = new ModelCache(registry, cacheOf(16, DataSize.ofBytes(1)));
        ForecastModel only = tiny.get("m", 1);
        assertThat(only.forecast(List.<float[][]>of(VALUES), 1)).hasSize(1);
        assertThat(tiny.size()).isEqualTo(1);
        cache.destroy();
        tiny.destroy();
    }

    @Test
    void evictingAModelThatIsStillForecastingBlocksNoOtherLookupOrForecast() throws Exception {
        CountDownLatch forecasting = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        SequenceEngine slowFirstVersion = new DelegatingEngine(ENGINE) {
            @Override
            public ForecastModel load(Path directory) {
                ForecastModel loaded = super.load(directory);
                if (!directory.getFileName().toString().equals("1")) {
                    return loaded;
                }
                // As the contract says, close waits for forecasts in flight; this one lasts until released.
                ReadWriteLock inFlight = new ReentrantReadWriteLock();
                return new DelegatingModel(loaded) {
                    @Override
                    public List<float[][]> forecast(List<float[][]> histories, int horizon) {
                        inFlight.readLock().lock();
                        try {
                            List<float[][]> result = super.forecast(histories, horizon);
                            forecasting.countDown();
                            Deadline.released(mayFinish);
                            return result;
                        } finally {
                            inFlight.readLock().unlock();
                        }
                    }

                    @Override
                    public void close() {
                        inFlight.writeLock().lock();
                        try {
                            super.close();
                        } finally {
                            inFlight.writeLock().unlock();
                        }
                    }
                };
            }
        };
        ModelRegistry registry = registryWithVersions(slowFirstVersion, 3);
        ModelCache cache = new ModelCache(registry, cacheOf(1, DataSize.ofMegabytes(512)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ForecastModel first = cache.get("m", 1);
            Future<List<float[][]>> inFlight = pool.submit(() -> first.forecast(List.<float[][]>of(VALUES), 1));
            assertThat(forecasting.await(1, TimeUnit.MINUTES)).isTrue();
            Future<List<float[][]>> other = pool.submit(() -> {
                cache.get("m", 2).forecast(List.<float[][]>of(VALUES), 1);
                return cache.get("m", 3).forecast(List.<float[][]>of(VALUES), 1);
            });
            assertThat(other.get(30, TimeUnit.SECONDS)).as("served while version 1 drains").hasSize(1);
            mayFinish.countDown();
            assertThat(inFlight.get(1, TimeUnit.MINUTES)).hasSize(1);
        } finally {
            mayFinish.countDown();
            pool.shutdownNow();
            cache.destroy();
        }
    }

    private static ForecastingProperties cacheOf(int size, DataSize bytes) {
        return new ForecastingProperties(size, bytes, 1_000_000, 10_000_000_000L, Duration.ofSeconds(10), 1, 64,
                Duration.ZERO, 4096);
    }

    private ModelRegistry registryWithVersions(SequenceEngine engine, int versions) {
        ModelRegistry registry = new ModelRegistry(new RegistryProperties(root), engine, e -> {});
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", VALUES)), 1),
                new ModelSpec(CellType.LSTM, 4, 1, 0, 6, 1), TrainingSpec.builder().epochs(1).build(),
                TrainingListener.NONE)) {
            for (int i = 0; i < versions; i++) {
                registry.publish("m", trained);
            }
        }
        return registry;
    }

    private static void awaitClosed(ForecastModel model) throws Exception {
        Deadline.await(Duration.ofSeconds(30), "the evicted model is closed", () -> {
            try {
                model.forecast(List.<float[][]>of(VALUES), 1);
                return false;
            } catch (IllegalStateException closed) {
                return true;
            }
        });
    }
}
