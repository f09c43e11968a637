package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void normalizationIsFittedOnTheTrainingPartOnly() {
        float[][] values = column(1, 2, 3, 4, 1000);
        Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {4}, 4, false);
        var fitted = scaling.describe(List.of("value")).get(0);
        assertThat(fitted.center()).isEqualTo(2.5);
        assertThat(fitted.scale()).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void aConstantSeriesFeatureIsRefusedWithItsName() {
        SequenceData data = new SequenceData(SequenceKind.SERIES, List.of("price", "volume"),
                List.of(new Sequence("a", new float[][] {{1, 5}, {2, 5}, {3, 5}})), 1);
        assertThatThrownBy(() -> ScalingFit.fit(data, new int[] {3}, 4, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'volume' is constant");
    }

    @Test
    void aFeatureIsJudgedFlatRelativeToItsLevelNotByAnAbsoluteThreshold() {
        // Tiny values that vary by half their level carry a signal...
        SequenceData tiny = SequenceData.univariate(List.of(new Sequence("a", column(7e-21f, 1.3e-20f, 9e-21f, 1.1e-20f))), 1);
        assertThat(ScalingFit.fit(tiny, new int[] {4}, 4, false).describe(List.of("value")).get(0).scale()).isPositive();
        // ...large ones that vary by less than 32-bit floats resolve do not, and are told why.
        SequenceData huge = SequenceData.univariate(List.of(new Sequence("a", column(1e12f, 1e12f + 65536, 1e12f, 1e12f))), 1);
        assertThatThrownBy(() -> ScalingFit.fit(huge, new int[] {4}, 4, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("less than a ten-millionth").hasMessageContaining("32-bit floats");
    }

    @Test
    void trajectoryAxesShareOneScaleSoAFlatAxisIsAccepted() {
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y", "z"),
                List.of(new Sequence("t", new float[][] {{0, 0, 2}, {1, 0, 2}, {2, 0, 2}, {3, 0, 2}})), 1);
        var features = ScalingFit.fit(data, new int[] {4}, 4, false).describe(data.features());
        assertThat(features).extracting(f -> f.scale()).containsOnly(features.get(0).scale());
        assertThat(features).extracting(f -> f.group()).containsOnly(0);
    }

    @Test
    void decodingUndoesEncodingRelativeToTheWindow() {
        float[][] values = column(10, 12, 11, 15, 14, 18);
        Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {6}, 4, false);
        float[] encoded = new float[6];
        Scaling.Reference reference = scaling.encodeWindow(values, 0, 4, encoded, 0);
        scaling.encodeSteps(values, 4, 2, reference, encoded, 4);
        assertThat(encoded[3]).isEqualTo(0f);
        float[][] decoded = scaling.decodeSteps(encoded, 4, 2, reference);
        assertThat(decoded[0][0]).isCloseTo(14f, within(1e-4f));
        assertThat(decoded[1][0]).isCloseTo(18f, within(1e-4f));
    }

    @Test
    void aWindowMovedByAConstantEncodesTheSame() {
        float[][] values = column(1, 3, 2, 5);
        float[][] moved = column(101, 103, 102, 105);
        Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {4}, 4, false);
        float[] a = new float[4];
        float[] b = new float[4];
        scaling.encodeWindow(values, 0, 4, a, 0);
        scaling.encodeWindow(moved, 0, 4, b, 0);
        assertThat(b).containsExactly(a, within(1e-5f));
    }

    @Test
    void aFasterTrackEncodesLargerWhereAFasterSeriesEncodesTheSame() {
        float[][] slow = new float[8][];
        float[][] fast = new float[8][];
        for (int t = 0; t < 8; t++) {
            slow[t] = new float[] {t, 0.5f * t};
            fast[t] = new float[] {2 * t, t};
        }
        SequenceData tracks = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"),
                List.of(new Sequence("slow", slow), new Sequence("fast", fast)), 1);
        Scaling trajectory = ScalingFit.fit(tracks, new int[] {8, 8}, 4, false);
        float[] a = new float[8];
        float[] b = new float[8];
        trajectory.encodeWindow(slow, 0, 4, a, 0);
        trajectory.encodeWindow(fast, 0, 4, b, 0);
        for (int i = 0; i < 8; i++) {
            assertThat(b[i]).isCloseTo(2 * a[i], within(1e-5f));
        }
        // The typical spread is kept with the model: the loaded scaling encodes alike.
        Scaling loaded = Scaling.of(trajectory.describe(tracks.features()), 1, 4);
        float[] c = new float[8];
        loaded.encodeWindow(fast, 0, 4, c, 0);
        assertThat(c).containsExactly(b);
        assertThat(trajectory.describe(tracks.features())).allSatisfy(f -> assertThat(f.spread()).isPositive());

        Scaling series = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", column(0, 1, 2, 3, 0, 2, 4, 6))), 1),
                new int[] {8}, 4, false);
        float[] d = new float[4];
        float[] e = new float[4];
        series.encodeWindow(column(0, 1, 2, 3), 0, 4, d, 0);
        series.encodeWindow(column(0, 2, 4, 6), 0, 4, e, 0);
        assertThat(e).containsExactly(d, within(1e-5f));
        assertThat(series.describe(List.of("value")).get(0).spread()).isNull();
    }

    @Test
    void aTrajectoryModelWithoutAKeptSpreadDividesEachWindowByItsOwn() {
        float[][] slow = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
        float[][] fast = {{0, 0}, {2, 0}, {4, 0}, {6, 0}};
        Scaling old = Scaling.of(List.of(new FeatureScaling("x", 0, 1, 0),
                new FeatureScaling("y", 0, 1, 0)), 1, 4);
        float[] a = new float[8];
        float[] b = new float[8];
        old.encodeWindow(slow, 0, 4, a, 0);
        old.encodeWindow(fast, 0, 4, b, 0);
        assertThat(b).containsExactly(a, within(1e-5f));
    }

    static float[][] column(double... values) {
        float[][] out = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = (float) values[i];
        }
        return out;
    }
}
