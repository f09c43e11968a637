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
 * last value (or the last season).
 *
 * <p>Series whose season exponential smoothing fits as a state are read instead as the M4 winner's network
 * reads them (ES-RNN, Smyl 2020): each window with smoothing's season taken out, relative to its level at the
 * window's end rather than to the last point, and the future as the difference from smoothing's own forecast
 * ({@link Decomposition}), so that an untrained network forecasts exponential smoothing. Over the 61 held-out
 * series the network alone forecast 9 % better so (bench/README.md).
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
    private final boolean smoothed;

    Scaling(double[] center, double[] scale, int[] group, int baselinePeriod, double[] fixedSpread, boolean smoothed) {
        this.center = center.clone();
        this.scale = scale.clone();
        this.group = group.clone();
        this.groups = groupCount(group);
        this.baselinePeriod = baselinePeriod;
        this.fixedSpread = fixedSpread.clone();
        this.ownSpreads = Arrays.stream(fixedSpread).anyMatch(Double::isNaN);
        this.smoothed = smoothed;
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
        boolean smoothed = !features.isEmpty() && features.stream().allMatch(FeatureScaling::smoothed);
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
        return new Scaling(center, scale, group, baselinePeriod(seasonalPeriod, window), spreads, smoothed);
    }

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
        int period = baselinePeriod(data.seasonalPeriod(), window);
        Scaling own = new Scaling(center, scale, group, period, noFixedSpreads(groupCount(group)), smoothed);
        return data.kind() == SequenceKind.TRAJECTORY
                ? new Scaling(center, scale, group, period, own.typicalSpreads(data, trainingLengths, window), smoothed)
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
                    null, smoothed ? FeatureScaling.Reference.SMOOTHING : FeatureScaling.Reference.LAST_SEASON));
        }
        return out;
    }

    /**
     * What one window's forecast is measured against: the spread per group, and either the window's last
     * {@link #baselinePeriod} rows (normalized) or, where the network reads smoothed windows, exponential
     * smoothing's states per feature at the window's origin and how many steps past it the window ends.
     */
    record Reference(double[] spreads, double[] lastRows, Decomposition[] smoothing, int offset) {}

    /** Whether windows and targets are measured against exponential smoothing's states ({@link Decomposition}). */
    boolean smoothed() {
        return smoothed;
    }

    /**
     * Encodes {@code values[start, start + window)} into {@code dst} (row-major {@code [window][feature]})
     * relative to the window's last point, and returns the window's reference.
     */
    Reference encodeWindow(float[][] values, int start, int window, float[] dst, int dstOffset) {
        return encodeWindow(values, start, window, dst, dstOffset, null, 0);
    }

    /**
     * Encodes a window as above, or, given exponential smoothing's states per feature at an origin, with the
     * season taken out and relative to the level projected {@code offset} steps past that origin, where the
     * window ends (a roll-out's later passes end past it).
     */
    Reference encodeWindow(float[][] values, int start, int window, float[] dst, int dstOffset,
            Decomposition[] smoothing, int offset) {
        if (smoothed != (smoothing != null)) {
            throw new IllegalArgumentException("this scaling " + (smoothed ? "needs" : "takes no") + " smoothing states");
        }
        int features = center.length;
        float[][] rows = values;
        int first = start;
        if (smoothing != null) {
            rows = new float[window][features];
            first = 0;
            for (int t = 0; t < window; t++) {
                for (int f = 0; f < features; f++) {
                    rows[t][f] = (float) smoothing[f].adjust(values[start + t][f], offset - window + t);
                }
            }
        }
        double[] spreads = ownSpreads ? windowSpreads(rows, first, window) : new double[groups];
        for (int g = 0; g < groups; g++) {
            spreads[g] = Double.isNaN(fixedSpread[g]) ? spreads[g] : fixedSpread[g];
        }
        double[] lastRows = null;
        double[] level = new double[features];
        if (smoothing == null) {
            lastRows = new double[baselinePeriod * features];
            for (int k = 0; k < baselinePeriod; k++) {
                float[] row = rows[first + window - baselinePeriod + k];
                for (int f = 0; f < features; f++) {
                    lastRows[k * features + f] = normalize(row[f], f);
                }
            }
            System.arraycopy(lastRows, (baselinePeriod - 1) * features, level, 0, features);
        } else {
            for (int f = 0; f < features; f++) {
                level[f] = normalize(smoothing[f].base(offset), f);
            }
        }
        int i = dstOffset;
        for (int t = first; t < first + window; t++) {
            for (int f = 0; f < features; f++) {
                dst[i++] = bound((normalize(rows[t][f], f) - level[f]) / spreads[group[f]]);
            }
        }
        return new Reference(spreads, lastRows, smoothing, offset);
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
     * the baseline, in spreads: the seasonal naive forecast (the window's last season repeated, or its last
     * value), or exponential smoothing's forecast with the season taken out. A network that outputs zeros
     * therefore forecasts the baseline.
     */
    void encodeSteps(float[][] values, int start, int steps, Reference reference, float[] dst, int dstOffset) {
        int features = center.length;
        int i = dstOffset;
        for (int k = 0; k < steps; k++) {
            for (int f = 0; f < features; f++) {
                double value = reference.smoothing() == null ? values[start + k][f]
                        : reference.smoothing()[f].adjust(values[start + k][f], reference.offset() + k);
                dst[i++] = bound((normalize(value, f) - baseline(reference, k, f)) / reference.spreads()[group[f]]);
            }
        }
    }

    /** Inverse of {@link #encodeSteps}: model output back to the data's units. */
    float[][] decodeSteps(float[] src, int srcOffset, int steps, Reference reference) {
        int features = center.length;
        float[][] out = new float[steps][features];
        int i = srcOffset;
        for (int k = 0; k < steps; k++) {
            for (int f = 0; f < features; f++) {
                double normalized = baseline(reference, k, f) + src[i++] * reference.spreads()[group[f]];
                double value = center[f] + scale[f] * normalized;
                out[k][f] = (float) (reference.smoothing() == null ? value
                        : reference.smoothing()[f].restore(value, reference.offset() + k));
            }
        }
        return out;
    }

    private double baseline(Reference reference, int step, int f) {
        return reference.smoothing() == null ? reference.lastRows()[(step % baselinePeriod) * center.length + f]
                : normalize(reference.smoothing()[f].base(reference.offset() + step + 1), f);
    }

    private double normalize(double value, int f) {
        return (value - center[f]) / scale[f];
    }

    private static float bound(double encoded) {
        return (float) Math.max(-ENCODED_LIMIT, Math.min(ENCODED_LIMIT, encoded));
    }
}
