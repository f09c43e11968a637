package io.seqcast.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.ModelVersionDeleted;
import io.seqcast.registry.RegistryProperties;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);

    @TempDir
    Path root;

    @Test
    void theLeastRecentlyUsedVersionIsEvictedAndClosedAndADeletedOneLetGo() {
        ModelRegistry registry = new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        float[][] values = new float[30][1];
        for (int t = 0; t < 30; t++) {
            values[t][0] = (float) Math.sin(t);
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.LSTM, 4, 1, 0, 6, 1), TrainingSpec.builder().epochs(1).build(),
                TrainingListener.NONE)) {
            for (int i = 0; i < 3; i++) {
                registry.publish("m", trained);
            }
        }
        ModelCache cache = new ModelCache(registry, new ForecastingProperties(2));
        ForecastModel first = cache.get("m", 1);
        assertThat(cache.get("m", 1)).isSameAs(first);
        cache.get("m", 2);
        cache.get("m", 3);
        assertThat(cache.size()).isEqualTo(2);
        assertThatThrownBy(() -> first.forecast(List.<float[][]>of(values), 1)).isInstanceOf(IllegalStateException.class);
        ForecastModel third = cache.get("m", 3);
        cache.versionDeleted(new ModelVersionDeleted("m", 3));
        assertThat(cache.size()).isEqualTo(1);
        assertThatThrownBy(() -> third.forecast(List.<float[][]>of(values), 1)).isInstanceOf(IllegalStateException.class);
        cache.destroy();
        assertThat(cache.size()).isZero();
    }
}
