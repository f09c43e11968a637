package io.seqcast.engine.internal;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The data of the study notes' experiments (../shared/seed/rnn-study-notes.txt), shared by tests and benchmarks. */
public final class ReferenceExperiments {

    public static final int SINE_TRAINING_POINTS = 10_000;
    public static final int SINE_TEST_POINTS = 1_000;
    public static final int SINE_WINDOW = 10;
    private static final double SINE_GAP = 0.01;

    private ReferenceExperiments() {}

    /** sin sampled every 0.01 for training: 10,000 windows of 10 points, each predicting the next point. */
    public static float[][] sineTraining() {
        double end = (SINE_TRAINING_POINTS + SINE_WINDOW) * SINE_GAP;
        return sine(0, end, SINE_TRAINING_POINTS + SINE_WINDOW);
    }

    /** The 1,000 test windows that follow the training range, as in the notes. */
    public static float[][] sineTest() {
        double start = (SINE_TRAINING_POINTS + SINE_WINDOW) * SINE_GAP;
        double end = start + (SINE_TEST_POINTS + SINE_WINDOW) * SINE_GAP;
        return sine(start, end, SINE_TEST_POINTS + SINE_WINDOW);
    }

    /** numpy.linspace(start, end, n) of sin, inclusive of both ends. */
    private static float[][] sine(double start, double end, int n) {
        float[][] values = new float[n][1];
        for (int i = 0; i < n; i++) {
            values[i][0] = (float) Math.sin(start + (end - start) * i / (n - 1));
        }
        return values;
    }

    /** The notes' 3-D flight track: x = linspace(1, 10, 30), y = 2 + uniform noise * 0.1, z = 2. */
    public static float[][] trajectory(long seed) {
        Random random = new Random(seed);
        float[][] points = new float[30][3];
        for (int i = 0; i < 30; i++) {
            points[i][0] = (float) (1 + 9.0 * i / 29);
            points[i][1] = (float) (2 + random.nextDouble() * 0.1);
            points[i][2] = 2f;
        }
        return points;
    }

    public static SequenceData trajectoryData(float[][] points) {
        return new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y", "z"), List.of(new Sequence("t1", points)), 1);
    }

    /** Sliding windows of {@code window} points over {@code values}, each followed by one more point. */
    public static List<float[][]> windows(float[][] values, int window) {
        List<float[][]> windows = new ArrayList<>();
        for (int start = 0; start + window < values.length; start++) {
            float[][] w = new float[window][];
            System.arraycopy(values, start, w, 0, window);
            windows.add(w);
        }
        return windows;
    }
}
