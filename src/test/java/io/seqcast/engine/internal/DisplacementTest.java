package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.DisplacementErrors;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisplacementTest {

    @Test
    void greatCircleDistancesAreKilometresOnTheSphere() {
        assertThat(Accuracy.greatCircleKm(0, 0, 1, 0)).isCloseTo(111.19, within(0.01));
        assertThat(Accuracy.greatCircleKm(60, 10, 60, 11)).isCloseTo(55.6, within(0.1));
        assertThat(Accuracy.greatCircleKm(30, 179.5, 30, -179.5)).isCloseTo(96.3, within(0.1));
    }

    @Test
    void displacementIsAveragedPerStepAndTheLastStepIsTheFinalError() {
        List<float[][]> forecasts = List.of(new float[][] {{0, 0}, {0, 0}}, new float[][] {{0, 0}, {0, 0}});
        List<float[][]> actuals = List.of(new float[][] {{3, 4}, {6, 8}}, new float[][] {{0, 1}, {0, 2}});
        DisplacementErrors errors = Accuracy.displacement(forecasts, actuals, List.of("x", "y"), false);
        assertThat(errors.unit()).isEqualTo("data units");
        assertThat(errors.perStep()).containsExactly(3.0, 6.0);
        assertThat(errors.ade()).isEqualTo(4.5);
        assertThat(errors.fde()).isEqualTo(6.0);
    }

    @Test
    void aGeographicTrajectoryModelReportsItsValidationErrorsInKilometres() {
        Random random = new Random(5);
        List<Sequence> tracks = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            float[][] points = new float[40][2];
            double lon = -80 + random.nextDouble() * 20;
            double lat = 15 + random.nextDouble() * 10;
            for (int t = 0; t < 40; t++) {
                points[t][0] = (float) (lon - 0.3 * t);
                points[t][1] = (float) (lat + 0.2 * t + 0.01 * t * t);
            }
            tracks.add(new Sequence("storm-" + s, points));
        }
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), tracks, 1, true);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
                ForecastModel model = engine.train(data, new ModelSpec(CellType.GRU, 16, 1, 0, 8, 4),
                        TrainingSpec.builder().epochs(20).build(), TrainingListener.NONE)) {
            DisplacementErrors errors = model.manifest().metrics().displacement();
            assertThat(errors.unit()).isEqualTo("km");
            assertThat(errors.perStep()).hasSize(4);
            assertThat(errors.fde()).isEqualTo(errors.perStep().get(3));
            assertThat(errors.ade()).isPositive().isLessThan(500);
        }
    }
}
