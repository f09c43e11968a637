package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
        Scaling scaling = Scaling.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {4}, 4);
        var fitted = scaling.describe(List.of("value")).get(0);
        assertThat(fitted.center()).isEqualTo(2.5);
        assertThat(fitted.scale()).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void aConstantSeriesFeatureIsRefusedWithItsName() {
        SequenceData data = new SequenceData(SequenceKind.SERIES, List.of("price", "volume"),
                List.of(new Sequence("a", new float[][] {{1, 5}, {2, 5}, {3, 5}})), 1);
        assertThatThrownBy(() -> Scaling.fit(data, new int[] {3}, 4))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'volume' is constant");
    }

    @Test
    void trajectoryAxesShareOneScaleSoAFlatAxisIsAccepted() {
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y", "z"),
                List.of(new Sequence("t", new float[][] {{0, 0, 2}, {1, 0, 2}, {2, 0, 2}, {3, 0, 2}})), 1);
        var features = Scaling.fit(data, new int[] {4}, 4).describe(data.features());
        assertThat(features).extracting(f -> f.scale()).containsOnly(features.get(0).scale());
        assertThat(features).extracting(f -> f.group()).containsOnly(0);
    }

    @Test
    void decodingUndoesEncodingRelativeToTheWindow() {
        float[][] values = column(10, 12, 11, 15, 14, 18);
        Scaling scaling = Scaling.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {6}, 4);
        float[] encoded = new float[6];
        double[] reference = scaling.encodeWindow(values, 0, 4, encoded, 0);
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
        Scaling scaling = Scaling.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 1), new int[] {4}, 4);
        float[] a = new float[4];
        float[] b = new float[4];
        scaling.encodeWindow(values, 0, 4, a, 0);
        scaling.encodeWindow(moved, 0, 4, b, 0);
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
