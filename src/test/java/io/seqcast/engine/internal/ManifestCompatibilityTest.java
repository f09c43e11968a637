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
    void aCalibrationWrittenBeforeItsSourceWasKeptReadsWithoutOne() throws Exception {
        Backtest.Calibration calibration = JSON.readValue("""
                {"cases": 2, "quantiles": [[1.0, 2.0]], "stepScales": null, "pooled": null}""", Backtest.Calibration.class);
        assertThat(calibration.cases()).isEqualTo(2);
        assertThat(calibration.source()).isNull();
    }
}
