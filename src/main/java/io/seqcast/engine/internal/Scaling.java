package io.seqcast.engine.internal;

import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.ModelLoadException;
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

    static int groupCount(int[] group) {
        int max = 0;
        for (int g : group) {
            max = Math.max(max, g);
        }
        return max + 1;
    }

    static double[] noFixedSpreads(int groups) {
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
    double[] windowSpreads(float[][] values, int start, int window) {
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
