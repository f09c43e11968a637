package io.seqcast.engine.internal;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.List;

/** Fits a {@link Scaling} to the training part of the data: centers, scales, and trajectories' typical spread. */
final class ScalingFit {

    private static final String TIME_FEATURE = "t";

    private ScalingFit() {}

    /**
     * Fits the per-feature normalization on the first {@code trainingLengths[i]} points of every
     * sequence; {@code smoothed}: windows will be measured against exponential smoothing's states.
     *
     * @throws InvalidInputException for a feature that is constant over the training part
     */
    static Scaling fit(SequenceData data, int[] trainingLengths, int window, boolean smoothed) {
        int features = data.featureCount();
        double[] sum = new double[features];
        double[] sumSquares = new double[features];
        long count = 0;
        for (int i = 0; i < data.sequences().size(); i++) {
            float[][] values = data.sequences().get(i).values();
            for (int t = 0; t < trainingLengths[i]; t++) {
                for (int f = 0; f < features; f++) {
                    sum[f] += values[t][f];
                }
            }
            count += trainingLengths[i];
        }
        double[] center = new double[features];
        for (int f = 0; f < features; f++) {
            center[f] = sum[f] / count;
        }
        // Second pass around the mean: one-pass variance loses everything for large levels (lake levels ~580).
        for (int i = 0; i < data.sequences().size(); i++) {
            float[][] values = data.sequences().get(i).values();
            for (int t = 0; t < trainingLengths[i]; t++) {
                for (int f = 0; f < features; f++) {
                    double d = values[t][f] - center[f];
                    sumSquares[f] += d * d;
                }
            }
        }
        double[] variance = new double[features];
        for (int f = 0; f < features; f++) {
            variance[f] = sumSquares[f] / count;
        }
        int[] group = new int[features];
        double[] scale = new double[features];
        if (data.kind() == SequenceKind.TRAJECTORY) {
            fitTrajectory(data.features(), variance, group, scale);
        } else {
            for (int f = 0; f < features; f++) {
                group[f] = f;
                scale[f] = Math.sqrt(variance[f]);
                requireVarying(scale[f], center[f], data.features().get(f), "feature");
            }
        }
        int period = Scaling.baselinePeriod(data.seasonalPeriod(), window);
        Scaling own = new Scaling(center, scale, group, period, Scaling.noFixedSpreads(Scaling.groupCount(group)),
                smoothed);
        return data.kind() == SequenceKind.TRAJECTORY
                ? new Scaling(center, scale, group, period, typicalSpreads(own, data, trainingLengths, window), smoothed)
                : own;
    }

    /** Training windows whose spreads are averaged, at most (evenly strided): bounds the cost. */
    private static final int MAX_SPREAD_WINDOWS = 100_000;

    /**
     * Per group, the root mean square of the spreads of the training windows (floored as a window's own is):
     * the typical spread trajectories are divided by.
     */
    private static double[] typicalSpreads(Scaling own, SequenceData data, int[] trainingLengths, int window) {
        int groups = own.groups();
        long windows = 0;
        for (int i = 0; i < data.sequences().size(); i++) {
            windows += Math.max(0, trainingLengths[i] - window + 1);
        }
        long stride = Math.max(1, windows / MAX_SPREAD_WINDOWS);
        double[] squares = new double[groups];
        long counted = 0;
        long position = 0;
        for (int i = 0; i < data.sequences().size(); i++) {
            float[][] values = data.sequences().get(i).values();
            for (int start = 0; start + window <= trainingLengths[i]; start++, position++) {
                if (position % stride != 0) {
                    continue;
                }
                double[] spreads = own.windowSpreads(values, start, window);
                for (int g = 0; g < groups; g++) {
                    squares[g] += spreads[g] * spreads[g];
                }
                counted++;
            }
        }
        double[] spreads = new double[groups];
        for (int g = 0; g < groups; g++) {
            spreads[g] = counted == 0 ? Double.NaN : Math.sqrt(squares[g] / counted);
        }
        return spreads;
    }

    /** Spatial axes share one scale so that geometry is kept; time has its own. */
    private static void fitTrajectory(List<String> names, double[] variance, int[] group, double[] scale) {
        double spatialVariance = 0;
        int spatial = 0;
        for (int f = 0; f < names.size(); f++) {
            if (!TIME_FEATURE.equals(names.get(f))) {
                spatialVariance += variance[f];
                spatial++;
            }
        }
        double spatialScale = spatial == 0 ? 0 : Math.sqrt(spatialVariance / spatial);
        if (spatial > 0) {
            requireVarying(spatialScale, 0, "x/y/z", "position");
        }
        for (int f = 0; f < names.size(); f++) {
            if (TIME_FEATURE.equals(names.get(f))) {
                group[f] = spatial > 0 ? 1 : 0;
                scale[f] = Math.sqrt(variance[f]);
                requireVarying(scale[f], 0, TIME_FEATURE, "time");
            } else {
                group[f] = 0;
                scale[f] = spatialScale;
            }
        }
    }

    /**
     * Values travel as 32-bit floats (about 7 significant digits): a spread below a ten-millionth of a feature's
     * level is a bit or two of rounding, not signal.
     */
    private static final double MIN_RELATIVE_SPREAD = 1e-7;

    private static void requireVarying(double scale, double level, String name, String what) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new InvalidInputException("features", what + " '" + name + "' is constant over the training part"
                    + " of the data: there is nothing to learn (forecast the constant, or leave the feature out)");
        }
        if (scale <= MIN_RELATIVE_SPREAD * Math.abs(level)) {
            throw new InvalidInputException("features", String.format(java.util.Locale.ROOT, "%s '%s' varies by %.3g"
                    + " around a level of %.3g over the training part of the data, less than a ten-millionth of"
                    + " it: values are kept as 32-bit floats (about 7 significant digits), so its changes are lost in"
                    + " rounding;"
                    + " subtract its level first, or send it in other units", what, name, scale, level));
        }
    }
}
