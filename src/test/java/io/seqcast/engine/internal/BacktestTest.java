package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.CellType;
import io.seqcast.engine.Comparison;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    private static DjlSequenceEngine engine;

    @BeforeAll
    static void start() {
        engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aSeriesModelKeepsStepByStepErrorsOfItselfAndEveryBaselineConsistentWithItsBlend() {
        try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(3, 120), new ModelSpec(CellType.GRU, 8, 1,
                0, 24, 6), TrainingSpec.builder().epochs(5).build(), TrainingListener.NONE)) {
            Backtest backtest = model.manifest().backtest();
            ForecastBlend blend = model.manifest().blend();
            assertThat(backtest.horizon()).isEqualTo(6);
            assertThat(backtest.origins()).isEqualTo(blend.origins()).isPositive();
            assertThat(backtest.model()).isEqualTo(blend.members());
            assertThat(backtest.scores()).containsKeys(Backtest.MODEL, ForecastBlend.NETWORK, "SEASONAL_NAIVE", "NAIVE",
                    "DRIFT", "SES", "DAMPED", "THETA", "ETS_AVERAGED", "AR");
            for (Backtest.Steps steps : backtest.scores().values()) {
                assertThat(steps.mase()).hasSize(6);
                assertThat(steps.smape()).hasSize(6);
                assertThat(steps.rmse()).hasSize(6);
                for (int h = 0; h < 6; h++) {
                    assertThat(steps.mase()[h]).isFinite().isNotNegative();
                    assertThat(steps.smape()[h]).isBetween(0.0, 200.0);
                    assertThat(steps.rmse()[h]).isFinite().isNotNegative();
                }
            }
            // The blend was chosen on the mean MASE over steps and origins: the backtest says the same.
            for (String forecaster : List.of("SEASONAL_NAIVE", ForecastBlend.NETWORK)) {
                assertThat(mean(backtest.scores().get(forecaster).mase()))
                        .isCloseTo(blend.validationMase().get(forecaster), within(1e-9));
            }
            assertThat(mean(backtest.scores().get(Backtest.MODEL).mase()))
                    .isCloseTo(blend.validationMase().get("BLEND"), within(1e-9));
        }
    }

    @Test
    void aSmoothedNetworksBacktestIsWhatItForecastsFromThoseOriginsAfterAReload(@TempDir Path dir) {
        // Noise, so that smoothing's states at an origin depend on how they were fitted there.
        java.util.Random random = new java.util.Random(5);
        List<Sequence> series = new java.util.ArrayList<>();
        for (int s = 0; s < 2; s++) {
            float[][] values = EngineTrainingTest.wave(110, s, 1 + s);
            for (float[] row : values) {
                row[0] += (float) random.nextGaussian();
            }
            series.add(new Sequence("s" + s, values));
        }
        try (ForecastModel model = engine.train(SequenceData.univariate(series, 12), new ModelSpec(CellType.GRU, 8, 1,
                0, 24, 6), TrainingSpec.builder().epochs(5).networkOnly(true).build(), TrainingListener.NONE)) {
            assertThat(model.manifest().normalization()).allMatch(FeatureScaling::smoothed);
            model.save(dir);
            try (ForecastModel loaded = engine.load(dir)) {
                Comparison comparison = Comparisons.compare(dir, loaded, loaded);
                assertThat(comparison.candidate().steps().mase()).containsExactly(
                        model.manifest().backtest().scores().get(ForecastBlend.NETWORK).mase(), within(1e-4));
                // A window's 24 points are too few for smoothing to fit a season; their last season stands in.
                float[][] forecast = loaded.forecast(List.<float[][]>of(Arrays.copyOf(series.get(0).values(), 24)), 6).get(0);
                assertThat(forecast).hasNumberOfRows(6);
                for (float[] step : forecast) {
                    assertThat(step[0]).isFinite();
                }
            }
        }
    }

    @Test
    void aNetworkOnlyModelsBacktestIsTheNetworksAndTrajectoriesHaveNone() {
        try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(2, 100), new ModelSpec(CellType.LSTM, 8, 1,
                0, 24, 4), TrainingSpec.builder().epochs(3).networkOnly(true).build(), TrainingListener.NONE)) {
            Backtest backtest = model.manifest().backtest();
            assertThat(backtest.model()).containsExactly(ForecastBlend.NETWORK);
            assertThat(backtest.scores().get(Backtest.MODEL)).isSameAs(backtest.scores().get(ForecastBlend.NETWORK));
        }
        float[][] track = new float[120][2];
        for (int t = 0; t < track.length; t++) {
            track[t] = new float[] {t * 0.5f, (float) Math.sin(t * 0.1)};
        }
        SequenceData tracks = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"),
                List.of(new Sequence("a", track)), 1);
        try (ForecastModel model = engine.train(tracks, new ModelSpec(CellType.RNN, 8, 1, 0, 8, 2),
                TrainingSpec.builder().epochs(2).build(), TrainingListener.NONE)) {
            assertThat(model.manifest().backtest()).isNull();
            assertThat(model.manifest().normalization()).extracting(FeatureScaling::reference)
                    .containsOnly(FeatureScaling.Reference.LAST_SEASON);
            // Trajectories get radii instead, calibrated on the validation windows' displacements.
            Backtest.Calibration radii = model.manifest().metrics().displacement().radii();
            assertThat(radii.cases()).isPositive();
            assertThat(radii.source()).isEqualTo(Backtest.Calibration.Source.VALIDATION);
            List<float[]> around = io.seqcast.engine.PredictionIntervals.radii(model.manifest(), 2, List.of(50.0, 80.0))
                    .stream().map(io.seqcast.engine.Forecast.Radius::radii).toList();
            for (int h = 0; h < 2; h++) {
                assertThat(around.get(1)[h]).isGreaterThanOrEqualTo(around.get(0)[h]).isPositive();
            }
        }
    }

    @Test
    void manyTracksValidateOnWholeHeldOutTracksScaledByTheirOwnNaiveError() {
        List<Sequence> tracks = new java.util.ArrayList<>();
        for (int k = 0; k < 25; k++) {
            float[][] points = new float[30][];
            for (int t = 0; t < points.length; t++) {
                points[t] = new float[] {t * (0.5f + 0.02f * k), (float) Math.sin(t * 0.2 + k)};
            }
            tracks.add(new Sequence("t" + k, points));
        }
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), tracks, 1);
        try (ForecastModel model = engine.train(data, new ModelSpec(CellType.GRU, 8, 1, 0, 6, 2),
                TrainingSpec.builder().epochs(2).validationFraction(0.2).build(), TrainingListener.NONE)) {
            // Five tracks held out whole: every window of each, 30 - 6 - 2 + 1 of them.
            assertThat(model.manifest().metrics().displacement().radii().cases()).isEqualTo(5 * 23);
            assertThat(model.manifest().metrics().mase()).isPositive().isFinite();
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
