package io.seqcast.engine.internal;

import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two-stage scaling of model inputs and targets.
 *
 * <p>First every feature is normalized by a center and scale fitted on the training part of the data
 * only. Then every window is made relative to its own last observed point (the level), so that a series or
 * trajectory moved by a constant offset (in space or time) gets the same forecast moved by that offset, and
 * divided by a spread: a series window by its own, as instance normalization does for global models, so that
 * series of very different levels and scales look alike to the network; a trajectory window by the typical
 * spread of the training windows, because a track's speed is part of its dynamics (a storm recurves as it
 * speeds up), and dividing each window by its own made every track look equally fast (bench/README.md).
 * The network predicts the future relative to the last point, so an untrained network already forecasts the
 * last value.
 */
final class Scaling {

    /**
     * Floor of a window's spread, in units of the feature's training standard deviation: small, so that
     * a series 10^4 times smaller than the others of a global model still gets its own scale.
     */
    static final double SPREAD_FLOOR = 1e-6;

    /**
     * Bound of encoded values. A flat window (a constant stretch, a level flight) has a spread near the
     * floor, and the step that ends it would otherwise reach the network as a huge number.
     */
    static final float ENCODED_LIMIT = 50f;

    private static final String TIME_FEATURE = "t";

    private final double[] center;
    private final double[] scale;
    private final int[] group;
    private final int groups;
    private final int baselinePeriod;
    /** Per group, the fixed spread windows are divided by, or NaN for each window's own. */
    private final double[] fixedSpread;
    /** Whether some group divides each window by its own spread (series): only then is it computed. */
    private final boolean ownSpreads;

    Scaling(double[] center, double[] scale, int[] group, int baselinePeriod, double[] fixedSpread) {
        this.center = center.clone();
        this.scale = scale.clone();
        this.group = group.clone();
        this.groups = groupCount(group);
        this.baselinePeriod = baselinePeriod;
        this.fixedSpread = fixedSpread.clone();
        this.ownSpreads = Arrays.stream(fixedSpread).anyMatch(Double::isNaN);
    }

    private static int groupCount(int[] group) {
        int max = 0;
        for (int g : group) {
            max = Math.max(max, g);
        }
        return max + 1;
    }

    private static double[] noFixedSpreads(int groups) {
        double[] spreads = new double[groups];
        Arrays.fill(spreads, Double.NaN);
        return spreads;
    }

    /**
     * The season whose last cycle the targets are measured against: the data's season when a window
     * holds it, else 1 (the last value).
     */
    static int baselinePeriod(int seasonalPeriod, int window) {
        return seasonalPeriod <= window ? seasonalPeriod : 1;
    }

    static Scaling of(List<FeatureScaling> features, int seasonalPeriod, int window) {
        int n = features.size();
        double[] center = new double[n];
        double[] scale = new double[n];
        int[] group = new int[n];
        for (int f = 0; f < n; f++) {
            center[f] = features.get(f).center();
            scale[f] = features.get(f).scale();
            group[f] = features.get(f).group();
        }
        double[] spreads = noFixedSpreads(groupCount(group));
        for (FeatureScaling feature : features) {
            if (feature.spread() != null) {
                // The network was trained on windows divided by it: without it, its forecasts would be wrong.
                if (!(feature.spread() > 0 && Double.isFinite(feature.spread()))) {
                    throw new ModelLoadException("the manifest's spread of feature '" + feature.feature()
                            + "' is not a positive number");
                }
                spreads[feature.group()] = feature.spread();
            }
        }
        return new Scaling(center, scale, group, baselinePeriod(seasonalPeriod, window), spreads);
    }

    /**
     * Fits the per-feature normalization on the first {@code trainingLengths[i]} points of every
     * sequence.
     *
     * @throws InvalidInputException for a feature that is constant over the training part
     */
    static Scaling fit(SequenceData data, int[] trainingLengths, int window) {
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
        int period = baselinePeriod(data.seasonalPeriod(), window);
        Scaling own = new Scaling(center, scale, group, period, noFixedSpreads(groupCount(group)));
        return data.kind() == SequenceKind.TRAJECTORY
                ? new Scaling(center, scale, group, period, own.typicalSpreads(data, trainingLengths, window))
                : own;
    }

    /** Training windows whose spreads are averaged, at most (evenly strided): bounds the cost. */
    private static final int MAX_SPREAD_WINDOWS = 100_000;

    /**
     * Per group, the root mean square of the spreads of the training windows (floored as a window's own is):
     * the typical spread trajectories are divided by.
     */
    private double[] typicalSpreads(SequenceData data, int[] trainingLengths, int window) {
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
                double[] spreads = windowSpreads(values, start, window);
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

    int features() {
        return center.length;
    }

    int groups() {
        return groups;
    }

    List<FeatureScaling> describe(List<String> names) {
        List<FeatureScaling> out = new ArrayList<>(names.size());
        for (int f = 0; f < names.size(); f++) {
            double spread = fixedSpread[group[f]];
            out.add(new FeatureScaling(names.get(f), center[f], scale[f], group[f], Double.isNaN(spread) ? null : spread,
                    null));
        }
        return out;
    }

    /**
     * Encodes {@code values[start, start + window)} into {@code dst} (row-major {@code [window][feature]})
     * relative to the window's last point, and returns the window's reference: the spread per group,
     * then the last {@code baselinePeriod} rows (normalized) that targets are measured against.
     */
    double[] encodeWindow(float[][] values, int start, int window, float[] dst, int dstOffset) {
        int features = center.length;
        double[] reference = new double[groups + baselinePeriod * features];
        double[] own = ownSpreads ? windowSpreads(values, start, window) : null;
        for (int g = 0; g < groups; g++) {
            reference[g] = Double.isNaN(fixedSpread[g]) ? own[g] : fixedSpread[g];
        }
        for (int k = 0; k < baselinePeriod; k++) {
            float[] row = values[start + window - baselinePeriod + k];
            for (int f = 0; f < features; f++) {
                reference[groups + k * features + f] = normalize(row[f], f);
            }
        }
        int levelOffset = groups + (baselinePeriod - 1) * features;
        int i = dstOffset;
        for (int t = start; t < start + window; t++) {
            for (int f = 0; f < features; f++) {
                dst[i++] = bound((normalize(values[t][f], f) - reference[levelOffset + f]) / reference[group[f]]);
            }
        }
        return reference;
    }

    /** Per group, the spread of {@code values[start, start + window)}, normalized, floored at {@link #SPREAD_FLOOR}. */
    private double[] windowSpreads(float[][] values, int start, int window) {
        int features = center.length;
        double[] groupVariance = new double[groups];
        int[] groupSize = new int[groups];
        for (int f = 0; f < features; f++) {
            double mean = 0;
            for (int t = start; t < start + window; t++) {
                mean += normalize(values[t][f], f);
            }
            mean /= window;
            double sumSquares = 0;
            for (int t = start; t < start + window; t++) {
                double d = normalize(values[t][f], f) - mean;
                sumSquares += d * d;
            }
            groupVariance[group[f]] += sumSquares / window;
            groupSize[group[f]]++;
        }
        double[] spreads = new double[groups];
        for (int g = 0; g < groups; g++) {
            spreads[g] = Math.sqrt(groupVariance[g] / groupSize[g] + SPREAD_FLOOR * SPREAD_FLOOR);
        }
        return spreads;
    }

    /**
     * Encodes {@code values[start, start + steps)}, the steps after a window, as their difference from
     * the seasonal naive forecast (the window's last season repeated, or its last value), in spreads.
     * A network that outputs zeros therefore forecasts seasonal naive, the benchmark it must beat.
     */
    void encodeSteps(float[][] values, int start, int steps, double[] reference, float[] dst, int dstOffset) {
        int features = center.length;
        int i = dstOffset;
        for (int k = 0; k < steps; k++) {
            for (int f = 0; f < features; f++) {
                dst[i++] = bound((normalize(values[start + k][f], f) - baseline(reference, k, f)) / reference[group[f]]);
            }
        }
    }

    /** Inverse of {@link #encodeSteps}: model output back to the data's units. */
    float[][] decodeSteps(float[] src, int srcOffset, int steps, double[] reference) {
        int features = center.length;
        float[][] out = new float[steps][features];
        int i = srcOffset;
        for (int k = 0; k < steps; k++) {
            for (int f = 0; f < features; f++) {
                double normalized = baseline(reference, k, f) + src[i++] * reference[group[f]];
                out[k][f] = (float) (center[f] + scale[f] * normalized);
            }
        }
        return out;
    }

    private double baseline(double[] reference, int step, int f) {
        return reference[groups + (step % baselinePeriod) * center.length + f];
    }

    private double normalize(float value, int f) {
        return (value - center[f]) / scale[f];
    }

    private static float bound(double encoded) {
        return (float) Math.max(-ENCODED_LIMIT, Math.min(ENCODED_LIMIT, encoded));
    }
}
