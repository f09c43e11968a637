package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSetTest {

    private final SequenceData data = SequenceData.univariate(List.of(
            new Sequence("long", ScalingTest.column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)),
            new Sequence("short", ScalingTest.column(5, 4, 3, 2, 1, 2))), 1);

    @Test
    void validationHoldsOutTheEndOfEachSeriesLongEnoughForIt() {
        Split split = Split.of(data, 3, 2, 0.25);
        assertThat(split.trainingEnd()).containsExactly(15, 6);
        assertThat(split.hasValidation()).isTrue();
    }

    @Test
    void noTrainingTargetReachesIntoValidationAndEveryValidationTargetLiesInIt() {
        Split split = Split.of(data, 3, 2, 0.25);
        Scaling scaling = ScalingFit.fit(data, split.trainingEnd(), 3, false);
        WindowSet train = WindowSet.of(data, scaling, 3, 2, new int[split.trainingEnd().length], split.trainingEnd(), null);
        WindowSet validation = WindowSet.of(data, scaling, 3, 2, split.trainingEnd(), split.lengths(), null);
        for (int n = 0; n < train.count; n++) {
            assertThat(train.targetStart[n] + 2).isLessThanOrEqualTo(split.trainingEnd()[train.sequenceIndex[n]]);
        }
        for (int n = 0; n < validation.count; n++) {
            assertThat(validation.sequenceIndex[n]).isZero();
            assertThat(validation.targetStart[n]).isGreaterThanOrEqualTo(15);
        }
        assertThat(train.count).isEqualTo((15 - 5 + 1) + (6 - 5 + 1));
        assertThat(validation.count).isEqualTo(4);
    }

    @Test
    void windowsAreDrawnFromEverySeries() {
        Split split = Split.of(data, 3, 1, 0);
        Scaling scaling = ScalingFit.fit(data, split.trainingEnd(), 3, false);
        WindowSet all = WindowSet.of(data, scaling, 3, 1, new int[split.trainingEnd().length], split.trainingEnd(), null);
        assertThat(all.count).isEqualTo(17 + 3);
        assertThat(all.inputs).hasSize(all.count * 3);
        assertThat(all.targets).hasSize(all.count);
    }

    @Test
    void fiveHeldOutTracksOrMoreAreHeldOutWholeSpreadEvenlyAndFewerHoldOutTheirEnds() {
        // 25 usable tracks at 0.2 hold out 5 whole; 3 tracks too short for a window and horizon never count.
        SequenceData many = tracks(25, 3);
        Split split = Split.of(many, 4, 2, 0.2);
        assertThat(split.hasValidation()).isTrue();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < many.sequences().size(); i++) {
            if (split.trainingEnd()[i] == 0) {
                held.add(i);
            } else {
                assertThat(split.trainingEnd()[i]).isEqualTo(many.sequences().get(i).length());
            }
        }
        // Tracks 3, 7, 11, ... are the short ones: the 5th, 10th, ... usable tracks are 5, 12, 18, 25 and 32.
        assertThat(held).containsExactly(5, 12, 18, 25, 32);
        assertThat(split.scaleLength(5)).isEqualTo(20);
        Scaling scaling = ScalingFit.fit(many, split.trainingEnd(), 4, false);
        WindowSet validation = WindowSet.of(many, scaling, 4, 2, split.trainingEnd(), split.lengths(), null);
        assertThat(validation.count).isEqualTo(5 * (20 - 4 - 2 + 1));

        Split few = Split.of(tracks(24, 3), 4, 2, 0.2);
        for (int i = 0; i < few.trainingEnd().length; i++) {
            int length = few.lengths()[i];
            assertThat(few.trainingEnd()[i]).isEqualTo(length == 20 ? 16 : length);
        }
    }

    /** {@code usable} tracks of 20 points, and after every third of them one of 5 points. */
    private static SequenceData tracks(int usable, int shortEvery) {
        List<Sequence> tracks = new ArrayList<>();
        for (int k = 0; k < usable; k++) {
            tracks.add(track("t" + k, 20, k));
            if (k % shortEvery == shortEvery - 1) {
                tracks.add(track("short" + k, 5, k));
            }
        }
        return new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), tracks, 1);
    }

    private static Sequence track(String id, int length, int k) {
        float[][] points = new float[length][];
        for (int t = 0; t < length; t++) {
            points[t] = new float[] {t + k, (float) Math.sqrt(t + 1.0)};
        }
        return new Sequence(id, points);
    }
}
