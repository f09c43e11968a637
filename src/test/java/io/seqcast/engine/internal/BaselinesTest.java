package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void seasonalNaiveRepeatsTheLastSeasonAndNaiveTheLastValue() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(Baselines.seasonalNaive(y, 4, 6)).containsExactly(5, 6, 7, 8, 5, 6);
        assertThat(Baselines.forecast(Baselines.Method.NAIVE, y, 1, 2)).containsExactly(8, 8);
        assertThat(Baselines.forecast(Baselines.Method.DRIFT, y, 1, 2)).containsExactly(9, 10);
    }

    @Test
    void smoothingMethodsFollowALineAndHoldAConstant() {
        double[] line = new double[40];
        double[] flat = new double[40];
        for (int t = 0; t < 40; t++) {
            line[t] = 10 + 2 * t;
            flat[t] = 7;
        }
        for (Baselines.Method method : Baselines.Method.values()) {
            assertThat(Baselines.forecast(method, flat, 1, 3)).as(method.name()).containsOnly(7.0);
        }
        assertThat(Baselines.forecast(Baselines.Method.DAMPED, line, 1, 1)[0]).isCloseTo(90, within(1.0));
        assertThat(Baselines.forecast(Baselines.Method.THETA, line, 1, 1)[0]).isBetween(85.0, 92.0);
    }

    @Test
    void versionsThatChoseEtsBeforeItsFormsWereAveragedStillForecastWithTheBestFormAlone() {
        java.util.Random random = new java.util.Random(4);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.5 * t + 3 * random.nextGaussian();
        }
        EtsAverage ets = Ets.fit(y, 1);
        assertThat(Baselines.forecast(Baselines.Method.ETS, y, 1, 6)).containsExactly(ets.best().forecast(6));
        assertThat(Baselines.forecast(Baselines.Method.ETS_AVERAGED, y, 1, 6)).containsExactly(ets.forecast(6))
                .isNotEqualTo(ets.best().forecast(6));
        assertThat(Baselines.Method.candidates()).contains(Baselines.Method.ETS_AVERAGED)
                .doesNotContain(Baselines.Method.ETS);
    }

    @Test
    void aMultiplicativeSeasonIsTakenOutAndPutBack() {
        double[] y = new double[48];
        for (int t = 0; t < 48; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        double[] forecast = Baselines.forecast(Baselines.Method.SES, y, 12, 12);
        for (int h = 0; h < 12; h++) {
            assertThat(forecast[h]).as("step %d", h).isCloseTo(y[36 + h], within(1.0));
        }
    }

    @Test
    void theBlendIsChosenOnValidationRecordedWithItsScoresAndUsedAfterALoad() throws Exception {
        Random random = new Random(3);
        float[][] values = new float[144][1];
        for (int t = 0; t < 144; t++) {
            values[t][0] = (float) (50 + 0.2 * t + 8 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian());
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), 12);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
                ForecastModel model = engine.train(data, new ModelSpec(CellType.LSTM, 8, 1, 0, 24, 12),
                        TrainingSpec.builder().epochs(5).build(), TrainingListener.NONE)) {
            ForecastBlend blend = model.manifest().blend();
            assertThat(blend.members()).isNotEmpty();
            assertThat(blend.validationMase()).containsKeys(ForecastBlend.NETWORK, "SEASONAL_NAIVE", "THETA", "BLEND");
            assertThat(blend.origins()).isPositive();
            assertThat(blend.reason()).contains("validation origins");
            assertThat(blend.validationMase().get("BLEND")).isLessThanOrEqualTo(blend.validationMase().get("SEASONAL_NAIVE"));
            List<float[][]> first = model.forecast(List.<float[][]>of(values), 12);
            assertThat(model.forecast(List.<float[][]>of(values), 12).get(0)).isDeepEqualTo(first.get(0));
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("blend");
            model.save(folder);
            try (ForecastModel loaded = engine.load(folder)) {
                assertThat(loaded.manifest().blend()).isEqualTo(blend);
                assertThat(loaded.forecast(List.<float[][]>of(values), 12).get(0)).isDeepEqualTo(first.get(0));
            }
        }
    }

    @Test
    void aSeriesTooShortToScoreAnyOriginIsForecastByExponentialSmoothingWithItsOwnIntervals() {
        // 34 monthly points and a year's horizon: no origin leaves the two seasons and more a seasonal fit needs.
        float[][] values = new float[34][1];
        double[] history = new double[34];
        for (int t = 0; t < 34; t++) {
            history[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + t;
            values[t][0] = (float) history[t];
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), 12);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
                ForecastModel model = engine.train(data, new ModelSpec(CellType.LSTM, 8, 1, 0, 12, 12),
                        TrainingSpec.builder().epochs(2).build(), TrainingListener.NONE)) {
            assertThat(model.manifest().blend().members()).containsExactly("ETS_AVERAGED");
            assertThat(model.manifest().blend().reason()).contains("too short", "AICc");
            // Its intervals come from the model's own sample paths, every level calibrated, wider further ahead.
            Backtest.Calibration calibration = model.manifest().backtest().calibration();
            assertThat(model.manifest().backtest().origins()).isZero();
            assertThat(calibration.source()).isEqualTo(Backtest.Calibration.Source.MODEL);
            assertThat(calibration.calibrates(95)).isTrue();
            assertThat(calibration.halfWidth(11, 80)).isGreaterThan(calibration.halfWidth(0, 80));
            assertThat(calibration.halfWidth(0, 95)).isGreaterThan(calibration.halfWidth(0, 80)).isPositive();
            float[][] forecast = model.forecast(List.<float[][]>of(values), 12).get(0);
            double[] expected = Ets.fit(history, 12).forecast(12);
            for (int h = 0; h < 12; h++) {
                assertThat((double) forecast[h][0]).isCloseTo(expected[h], within(1e-3 * Math.abs(expected[h])));
            }
        }
    }

    @Test
    void onBoxCoxTransformsGrowthInProportionToTheLevelIsForecastCloser() {
        double[] y = BoxCoxTest.multiplicative(156, 5);
        double[] train = java.util.Arrays.copyOf(y, 132);
        double[] test = java.util.Arrays.copyOfRange(y, 132, 156);
        for (Baselines.Method method : List.of(Baselines.Method.DRIFT, Baselines.Method.ETS_AVERAGED)) {
            double untransformed = meanAbsoluteError(Baselines.fit(train, 12).forecast(method, 24), test);
            double transformed = meanAbsoluteError(Baselines.fit(train, 12, true).forecast(method, 24), test);
            assertThat(transformed).as(method.name()).isLessThan(untransformed);
        }
    }

    @Test
    void aHistoryWithAValueAtOrBelowZeroIsForecastUntransformed() {
        double[] y = {5, 3, 0, 4, 6, 2, 7, 5, 8, 6, 9, 7};
        for (Baselines.Method method : Baselines.Method.candidates()) {
            assertThat(Baselines.fit(y, 2, true).forecast(method, 4)).as(method.name())
                    .containsExactly(Baselines.fit(y, 2).forecast(method, 4));
        }
    }

    @Test
    void onBoxCoxTransformsTheForecastScalesWithTheUnitsAndAStepDoesNotDependOnTheHorizon() {
        double[] y = BoxCoxTest.multiplicative(144, 1.04, 6);
        for (Baselines.Method method : List.of(Baselines.Method.ETS_AVERAGED, Baselines.Method.DAMPED)) {
            double[] near = Baselines.fit(y, 12, true).forecast(method, 12);
            double[] far = Baselines.fit(y, 12, true).forecast(method, 1024);
            for (double units : new double[] {1e-3, 1e-2, 1e3}) {
                double[] scaled = java.util.Arrays.stream(y).map(v -> v * units).toArray();
                double[] inUnits = Baselines.fit(scaled, 12, true).forecast(method, 12);
                for (int h = 0; h < 12; h++) {
                    assertThat(inUnits[h] / units).as("%s in units of %s, step %d", method, units, h)
                            .isCloseTo(near[h], within(1e-6 * near[h]));
                }
            }
            for (int h = 0; h < 12; h++) {
                assertThat(far[h]).as("%s step %d", method, h).isEqualTo(near[h]);
            }
        }
    }

    private static double meanAbsoluteError(double[] forecast, double[] actual) {
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            sum += Math.abs(forecast[t] - actual[t]);
        }
        return sum / actual.length;
    }
}
