package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlendCalibrationTest {

    @Test
    void calibrationOriginsSpreadOverTheWholeHistoryWhenThereAreMoreThanItTakes() {
        assertThat(BlendCalibration.calibrationOrigins(26, 476, 60)).hasSize(60).startsWith(476).endsWith(26)
                .doesNotHaveDuplicates();
        int[] spread = BlendCalibration.calibrationOrigins(26, 476, 60);
        for (int c = 1; c < spread.length; c++) {
            assertThat(spread[c - 1] - spread[c]).isBetween(7, 8);
        }
    }

    @Test
    void calibrationOriginsAreEveryOneWhenFewAndNoneWithoutHistory() {
        assertThat(BlendCalibration.calibrationOrigins(40, 45, 60)).containsExactly(45, 44, 43, 42, 41, 40);
        assertThat(BlendCalibration.calibrationOrigins(40, 39, 60)).isEmpty();
    }

    @Test
    void tooFewBacktestCasesGiveWayToTheModelsOwnSamplePaths() {
        // 26 + 1 + 12 points: only two origins leave the two seasons and more a seasonal fit needs.
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", seasonal(39, new Random(1)))), 12);
        assertThat(BlendCalibration.errors(data, null, 12, null, null, blend("ETS_AVERAGED")).cases()).isEqualTo(2);
        Backtest.Calibration calibration = BlendCalibration.of(data, null, 12, null, null, blend("ETS_AVERAGED"));
        assertThat(calibration.source()).isEqualTo(Backtest.Calibration.Source.MODEL);
        assertThat(calibration.cases()).isGreaterThanOrEqualTo(Backtest.Calibration.casesFor(99));
        // With enough origins the backtest's own errors calibrate.
        SequenceData longer = SequenceData.univariate(List.of(new Sequence("s", seasonal(120, new Random(1)))), 12);
        assertThat(BlendCalibration.of(longer, null, 12, null, null, blend("ETS_AVERAGED")).source())
                .isEqualTo(Backtest.Calibration.Source.BACKTEST);
    }

    @Test
    void backtestCasesStartWhereAnOriginHasHalfTheSeriesBehindIt() {
        // 120 points, a year ahead: origins 60 to 108, not from the 26 points a seasonal fit could start with.
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", seasonal(120, new Random(3)))), 12);
        assertThat(BlendCalibration.errors(data, null, 12, null, null, blend(Blending.priorNames().toArray(String[]::new))).cases()).isEqualTo(49);
    }

    @Test
    void aNetworkBlendWithTooFewCasesIsCalibratedOnThePriorsBacktestWhereThatHasEnough() {
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", seasonal(120, new Random(2)))), 12);
        // The network's own training part runs to 11 points before the end: one origin is out of sample for it.
        Split split = new Split(new int[] {108}, new int[] {120}, true);
        Blending.NetworkForecast network = (sequence, origin) -> {
            float[][] values = data.sequences().get(sequence).values();
            return java.util.Arrays.copyOfRange(values, origin - 12, origin); // last year again
        };
        ForecastBlend blend = blend("NETWORK", "ETS_AVERAGED");
        assertThat(BlendCalibration.errors(data, split, 12, network, null, blend).cases()).isEqualTo(1);
        Backtest.Calibration calibration = BlendCalibration.of(data, split, 12, network, null, blend);
        Backtest.Calibration prior = BlendCalibration.errors(data, split, 12, network, null, blend(Blending.priorNames().toArray(String[]::new)));
        assertThat(calibration.source()).isEqualTo(Backtest.Calibration.Source.BACKTEST);
        assertThat(calibration.cases()).isEqualTo(prior.cases()).isGreaterThanOrEqualTo(Backtest.Calibration.MIN_POOLED_CASES);
        for (int h = 0; h < 12; h++) {
            assertThat(calibration.halfWidth(h, 80)).isEqualTo(prior.halfWidth(h, 80));
        }
    }

    @Test
    void errorsAreScaledByTheWholeHistoryNotByTheFewPointsBeforeAnEarlyOrigin() {
        // A calm start, then noise of the same spread throughout: the first origins' own scales are tiny.
        Random random = new Random(4);
        float[][] values = new float[120][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) (100 + (t < 12 ? 0.001 * random.nextGaussian() : random.nextGaussian()));
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), 1);
        Backtest.Calibration calibration = BlendCalibration.errors(data, null, 4, null, null, blend("NAIVE"));
        double scale = Accuracy.naiveScale(values, values.length, 0, 1);
        double widest = 0;
        for (int t = 12; t + 4 <= values.length; t++) {
            for (int h = 0; h < 4; h++) {
                widest = Math.max(widest, Math.abs(values[t + h][0] - values[t - 1][0]) / scale);
            }
        }
        // Scaled by the calm start's own scale, the first origins' errors were a thousand times larger.
        assertThat(calibration.halfWidth(3, 99)).isLessThanOrEqualTo(widest);
    }

    @Test
    void theModelsPathsSimulateEveryFeatureOfManySeries() {
        // 64 series of two features, the first constant (nothing to scale by): only the second can be simulated.
        Random random = new Random(3);
        List<Sequence> series = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            float[][] one = seasonal(30, random);
            float[][] values = new float[30][];
            for (int t = 0; t < 30; t++) {
                values[t] = new float[] {7, one[t][0]};
            }
            series.add(new Sequence("s" + i, values));
        }
        SequenceData data = new SequenceData(io.seqcast.engine.SequenceKind.SERIES, List.of("flat", "value"), series, 12);
        Backtest.Calibration calibration = BlendCalibration.model(data, 12);
        assertThat(calibration).isNotNull();
        assertThat(calibration.cases()).isEqualTo(32 * 32);
    }

    private static float[][] seasonal(int length, Random random) {
        float[][] values = new float[length][1];
        for (int t = 0; t < length; t++) {
            values[t][0] = (float) (50 + 10 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian());
        }
        return values;
    }

    private static ForecastBlend blend(String... members) {
        return new ForecastBlend(List.of(members), java.util.Map.of(), 0, "test");
    }
}
