package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What dynamic batching relies on: a window's output is the same whatever else shares its pass. */
class PassInvarianceTest {

    private static DjlSequenceEngine engine;

    @BeforeAll
    static void start() {
        engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void aWindowsOutputDoesNotDependOnTheSizeOrContentOfItsBatch(CellType cell) {
        float[][] series = new float[300][1];
        for (int t = 0; t < series.length; t++) {
            series[t][0] = (float) (Math.sin(t * 0.3) + 0.01 * t);
        }
        try (ForecastModel model = engine.train(SequenceData.univariate(List.of(new Sequence("s", series)), 1),
                new ModelSpec(cell, 16, 2, 0.0, 12, 4), TrainingSpec.builder().epochs(2).networkOnly(true).build(),
                TrainingListener.NONE)) {
            int in = model.passInputSize();
            int out = model.passOutputSize();
            Random random = new Random(5);
            float[] windows = new float[100 * in];
            for (int i = 0; i < windows.length; i++) {
                windows[i] = (float) random.nextGaussian();
            }
            float[] all = model.pass(windows, 100);
            for (int size : new int[] {1, 2, 3, 4, 5, 17, 64}) {
                for (int from = 0; from + size <= 100; from += size) {
                    float[] part = model.pass(Arrays.copyOfRange(windows, from * in, (from + size) * in), size);
                    assertThat(part).as("%d windows from %d", size, from)
                            .containsExactly(Arrays.copyOfRange(all, from * out, (from + size) * out));
                }
            }
        }
    }
}
