package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingSpec;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostsTest {

    @Test
    void aNetworkReadingFewerStepsIsChargedForTheStepsItReads() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 16, 2, 0.0, 9, 3);
        assertThat(Costs.workPerWindow(spec, 2, 9)).isEqualTo(Costs.workPerWindow(spec, 2));
        long perThreeSteps = Costs.workPerWindow(spec, 2, 9) - Costs.workPerWindow(spec, 2, 6);
        assertThat(perThreeSteps).isPositive();
        assertThat(Costs.workPerWindow(spec, 2, 6) - Costs.workPerWindow(spec, 2, 3)).isEqualTo(perThreeSteps);
    }

    @Test
    void productsOfSizesSaturateInsteadOfOverflowing() {
        assertThat(Costs.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Costs.times(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
        assertThat(Costs.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Costs.times(3, 4)).isEqualTo(12);
    }

    @Test
    void theLargestShapesGiveAHugeEstimateNeverANegativeOne() {
        float[][] values = new float[100_000][1];
        List<Sequence> many = Collections.nCopies(10_000, new Sequence("s", values));
        ModelSpec largest = new ModelSpec(CellType.LSTM, ModelSpec.MAX_HIDDEN_SIZE, ModelSpec.MAX_LAYERS, 0,
                ModelSpec.MAX_WINDOW, ModelSpec.MAX_HORIZON);
        long bytes = Costs.trainingBytes(SequenceData.univariate(many, 1), largest, TrainingSpec.builder().build());
        // About 10,000 x 95,000 windows of 4 x (4096 + 1024) bytes each: far past any int, and exact in a long.
        assertThat(bytes).isGreaterThan(10_000L * 90_000 * 4 * 4096);
    }

    @Test
    void aBlendWithTheAutoregressionIsChargedItsFitsBesideExponentialSmoothings() {
        io.seqcast.engine.ForecastBlend ar = new io.seqcast.engine.ForecastBlend(List.of("AR", "DAMPED"),
                java.util.Map.of(), 1, "test");
        io.seqcast.engine.ForecastBlend both = new io.seqcast.engine.ForecastBlend(List.of("AR", "ETS_AVERAGED"),
                java.util.Map.of(), 1, "test");
        assertThat(Costs.baselineWork(ar, 12, false)).isEqualTo(Costs.AUTOREGRESSION_WORK);
        assertThat(Costs.baselineWork(both, 12, false))
                .isEqualTo(Costs.AUTOREGRESSION_WORK + Costs.SEASONAL_SMOOTHING_WORK);
    }

    @Test
    void onBoxCoxTransformsEachBaselineIsChargedTwiceAndTheNetworksStatesTheirOwnFit() {
        io.seqcast.engine.ForecastBlend both = new io.seqcast.engine.ForecastBlend(List.of("AR", "ETS_AVERAGED"),
                java.util.Map.of(), 1, "test", io.seqcast.engine.ForecastBlend.BOX_COX);
        io.seqcast.engine.ForecastBlend network = new io.seqcast.engine.ForecastBlend(List.of("NETWORK", "DAMPED"),
                java.util.Map.of(), 1, "test", io.seqcast.engine.ForecastBlend.BOX_COX);
        assertThat(Costs.baselineWork(both, 12, false)).isEqualTo(2 * Costs.AUTOREGRESSION_WORK
                + 2 * Costs.SEASONAL_SMOOTHING_WORK + Costs.BOX_COX_WORK);
        assertThat(Costs.baselineWork(network, 12, true)).isEqualTo(Costs.SEASONAL_SMOOTHING_WORK + Costs.BOX_COX_WORK);
    }

    @Test
    void parametersAreCountedAsTheNetworkHasThem() {
        float[][] values = new float[40][1];
        for (int t = 0; t < 40; t++) {
            values[t][0] = (float) Math.sin(t * 0.4);
        }
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64)) {
            for (ModelSpec spec : List.of(new ModelSpec(CellType.LSTM, 4, 1, 0, 6, 1),
                    new ModelSpec(CellType.GRU, 8, 2, 0, 6, 3), new ModelSpec(CellType.RNN, 5, 3, 0, 4, 2))) {
                try (ForecastModel model = engine.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                        spec, TrainingSpec.builder().epochs(1).members(1).build(), TrainingListener.NONE)) {
                    assertThat(model.parameterBytes()).as(spec.toString())
                            .isEqualTo(Costs.parameters(spec, 1) * Float.BYTES);
                }
            }
        }
    }
}
