package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.CellType;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native leaks are the most reported DJL problem: every array of a train, save, load and forecast cycle is freed. */
class NativeMemoryTest {

    private final DjlSequenceEngine engine = TestEngine.ENGINE;

    @Test
    void liveNativeArraysReturnToTheirBaselineAfterTrainingAndForecastingInALoop(@TempDir Path dir) throws Exception {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 8, 2, 0.1, 12, 3);
        TrainingSpec training = TrainingSpec.builder().epochs(2).gradientClipValue(0.5).build();
        int baseline = engine.liveNativeArrays();
        for (int round = 0; round < 5; round++) {
            try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(2, 80), spec, training,
                    TrainingListener.NONE)) {
                model.forecast(List.of(EngineTrainingTest.wave(30, 0, 1), EngineTrainingTest.wave(40, 2, 3)), 30);
                Path version = Files.createDirectory(dir.resolve("v" + round));
                model.save(version);
                try (ForecastModel loaded = engine.load(version)) {
                    for (int i = 0; i < 20; i++) {
                        loaded.forecast(List.<float[][]>of(EngineTrainingTest.wave(30, i, 1)), 5);
                    }
                }
            }
            assertThat(engine.liveNativeArrays()).as("after round %d", round).isEqualTo(baseline);
        }
    }

    @Test
    void forecastingAfterCloseIsRefusedWithoutTouchingFreedMemory() {
        ForecastModel model = engine.train(EngineTrainingTest.seasonal(1, 40), new ModelSpec(CellType.GRU, 4, 1, 0, 6, 2),
                TrainingSpec.builder().epochs(1).build(), TrainingListener.NONE);
        model.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> model.forecast(List.<float[][]>of(EngineTrainingTest.wave(10, 0, 1)), 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
