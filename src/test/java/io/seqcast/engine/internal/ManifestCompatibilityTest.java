package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Versions written before a manifest field existed still load, and forecast as they were trained to. */
class ManifestCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTrajectoryVersionWrittenBeforeFixedSpreadsLoadsAndDividesEachWindowByItsOwn(@TempDir Path directory)
            throws Exception {
        List<Sequence> tracks = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[][] points = new float[40][];
            for (int t = 0; t < points.length; t++) {
                points[t] = new float[] {(k + 1) * t * 0.5f, (float) Math.sin(t * 0.2 + k)};
            }
            tracks.add(new Sequence("track-" + k, points));
        }
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), tracks, 1);
        float[][] slow = tracks.get(0).values();
        // No validation split: the trained weights are kept, so the forecast is the network's, not the last point.
        try (ForecastModel model = TestEngine.ENGINE.train(data, new ModelSpec(CellType.GRU, 8, 1, 0, 6, 2),
                TrainingSpec.builder().epochs(3).validationFraction(0).build(), TrainingListener.NONE)) {
            assertThat(model.manifest().normalization()).allSatisfy(f -> assertThat(f.spread()).isPositive());
            model.save(directory);
        }
        Path file = directory.resolve(ModelManifest.FILE_NAME);
        JsonNode manifest = JSON.readTree(Files.readAllBytes(file));
        for (JsonNode feature : manifest.get("normalization")) {
            ((ObjectNode) feature).remove("spread");
        }
        Files.write(file, JSON.writeValueAsBytes(manifest));

        try (ForecastModel old = TestEngine.ENGINE.load(directory)) {
            assertThat(old.manifest().normalization()).allSatisfy(f -> assertThat(f.spread()).isNull());
            // Each window divided by its own spread: a track and the same track twice as fast forecast alike, scaled.
            float[][] fast = new float[slow.length][];
            for (int t = 0; t < slow.length; t++) {
                fast[t] = new float[] {2 * slow[t][0], 2 * slow[t][1]};
            }
            float[][] a = old.forecast(List.<float[][]>of(slow), 2).get(0);
            float[][] b = old.forecast(List.<float[][]>of(fast), 2).get(0);
            double moved = 0;
            for (int f = 0; f < 2; f++) {
                double stepA = a[1][f] - slow[slow.length - 1][f];
                double stepB = b[1][f] - fast[fast.length - 1][f];
                moved += Math.abs(stepA);
                assertThat(stepB).isCloseTo(2 * stepA, within(1e-3 + 1e-3 * Math.abs(stepA)));
            }
            assertThat(moved).isGreaterThan(1e-3);
        }

        for (JsonNode feature : manifest.get("normalization")) {
            ((ObjectNode) feature).put("spread", -1.0);
        }
        Files.write(file, JSON.writeValueAsBytes(manifest));
        assertThatThrownBy(() -> TestEngine.ENGINE.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("spread");
    }

    @Test
    void anEnsembleWrittenBeforeLookbacksLoadsWithEveryNetworkReadingTheWholeWindow(@TempDir Path directory)
            throws Exception {
        List<Sequence> series = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            float[][] values = new float[80][1];
            for (int t = 0; t < values.length; t++) {
                values[t][0] = (float) (Math.sin(t * 0.5 + k) + 0.01 * t);
            }
            series.add(new Sequence("s" + k, values));
        }
        SequenceData data = new SequenceData(SequenceKind.SERIES, List.of("value"), series, 1);
        float[][] history = series.get(0).values();
        float[][] trained;
        try (ForecastModel model = TestEngine.ENGINE.train(data, new ModelSpec(CellType.GRU, 8, 1, 0, 9, 2),
                TrainingSpec.builder().epochs(3).validationFraction(0).members(3).networkOnly(true).build(),
                TrainingListener.NONE)) {
            assertThat(model.manifest().lookbacks()).containsExactly(9, 6, 3);
            trained = model.forecast(List.<float[][]>of(history), 2).get(0);
            model.save(directory);
        }
        Path file = directory.resolve(ModelManifest.FILE_NAME);
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        try (ForecastModel reloaded = TestEngine.ENGINE.load(directory)) {
            assertThat(reloaded.forecast(List.<float[][]>of(history), 2).get(0)).isDeepEqualTo(trained);
        }

        manifest.put("formatVersion", ModelManifest.ENSEMBLE_FORMAT_VERSION);
        manifest.remove("lookbacks");
        Files.write(file, JSON.writeValueAsBytes(manifest));
        try (ForecastModel old = TestEngine.ENGINE.load(directory)) {
            assertThat(old.manifest().lookbacks()).isNull();
            // The later members now read nine steps where they were trained on six and three: another forecast.
            assertThat(old.forecast(List.<float[][]>of(history), 2).get(0)).isNotEqualTo(trained);
        }

        Files.write(file, JSON.writeValueAsBytes(manifest.put("formatVersion", ModelManifest.LOOKBACK_FORMAT_VERSION)));
        assertThatThrownBy(() -> TestEngine.ENGINE.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("has none");
        manifest.putArray("lookbacks").add(9).add(6);
        Files.write(file, JSON.writeValueAsBytes(manifest));
        assertThatThrownBy(() -> TestEngine.ENGINE.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("2 lookbacks for 3 networks");
        for (int wrong : new int[] {0, 10}) {
            manifest.putArray("lookbacks").add(9).add(wrong).add(3);
            Files.write(file, JSON.writeValueAsBytes(manifest));
            assertThatThrownBy(() -> TestEngine.ENGINE.load(directory)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("reads 1 to 9 steps of its window, not " + wrong);
        }
        manifest.put("formatVersion", ModelManifest.ENSEMBLE_FORMAT_VERSION);
        Files.write(file, JSON.writeValueAsBytes(manifest));
        assertThatThrownBy(() -> TestEngine.ENGINE.load(directory)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("format 2 has no lookbacks, and this manifest lists some");
    }

    @Test
    void aCalibrationWrittenBeforeItsSourceWasKeptReadsWithoutOne() throws Exception {
        Backtest.Calibration calibration = JSON.readValue("""
                {"cases": 2, "quantiles": [[1.0, 2.0]], "stepScales": null, "pooled": null}""", Backtest.Calibration.class);
        assertThat(calibration.cases()).isEqualTo(2);
        assertThat(calibration.source()).isNull();
    }

    @Test
    void aVersionWhoseBlendNamesEtsStillForecastsWithTheBestFormAlone(@TempDir Path directory) throws Exception {
        // 34 monthly points and a year's horizon: too short to score an origin, so exponential smoothing forecasts.
        float[][] values = new float[34][1];
        double[] history = new double[34];
        java.util.Random random = new java.util.Random(5);
        for (int t = 0; t < 34; t++) {
            history[t] = 100 + 0.8 * t + 10 * Math.sin(2 * Math.PI * t / 12) + 3 * random.nextGaussian();
            values[t][0] = (float) history[t];
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), 12);
        try (ForecastModel model = TestEngine.ENGINE.train(data, new ModelSpec(CellType.LSTM, 8, 1, 0, 12, 12),
                TrainingSpec.builder().epochs(2).build(), TrainingListener.NONE)) {
            assertThat(model.manifest().blend().members()).containsExactly("ETS_AVERAGED");
            model.save(directory);
        }
        // As written before the averaging: the blend's member was called ETS and meant the form of lowest AICc.
        Path file = directory.resolve(ModelManifest.FILE_NAME);
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        ((ObjectNode) manifest.get("blend")).putArray("members").add("ETS");
        Files.write(file, JSON.writeValueAsBytes(manifest));

        double[] best = Ets.fit(history, 12).best().forecast(12);
        assertThat(best).isNotEqualTo(Ets.fit(history, 12).forecast(12));
        try (ForecastModel old = TestEngine.ENGINE.load(directory)) {
            assertThat(old.manifest().blend().members()).containsExactly("ETS");
            float[][] forecast = old.forecast(List.<float[][]>of(values), 12).get(0);
            for (int h = 0; h < 12; h++) {
                assertThat((double) forecast[h][0]).isCloseTo(best[h], within(1e-4 * Math.abs(best[h])));
            }
        }
    }
}
