package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.ValidationMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void seasonalNaiveScaleComparesEachPointWithOneSeasonEarlier() {
        float[][] values = ScalingTest.column(1, 5, 2, 7, 4, 9);
        assertThat(Accuracy.naiveScale(values, 6, 0, 2)).isEqualTo((1 + 2 + 2 + 2) / 4.0);
        assertThat(Accuracy.naiveScale(values, 6, 0, 1)).isEqualTo((4 + 3 + 5 + 3 + 5) / 5.0);
    }

    @Test
    void metricsOfKnownErrors() {
        ValidationMetrics metrics = Accuracy.of(
                List.<float[][]>of(ScalingTest.column(11, 18)), List.<float[][]>of(ScalingTest.column(10, 20)), List.of(new double[] {2}));
        assertThat(metrics.mae()).isEqualTo(1.5);
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(metrics.mase()).isEqualTo(0.75);
        assertThat(metrics.smape()).isCloseTo((200.0 / 21 + 400.0 / 38) / 2, within(1e-9));
        assertThat(metrics.windows()).isEqualTo(1);
    }
}
