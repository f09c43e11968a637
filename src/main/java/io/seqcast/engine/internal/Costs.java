package io.seqcast.engine.internal;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingSpec;

/**
 * What a model costs, from its shape alone, in saturating long arithmetic: no product of sizes a
 * client chose can overflow into a small number.
 */
final class Costs {

    /** Parameters, gradients, two optimizer moments and the best weights kept for early stopping. */
    private static final int COPIES_PER_PARAMETER = 5;
    /** Per training window on the heap: its two positions, reference (level and spread per feature) and list slots. */
    private static final int WINDOW_OVERHEAD_BYTES = 96;
    /** Per window and feature where the network reads smoothed windows: its states' object, less the seasonal cycle. */
    private static final int SMOOTHED_STATE_BYTES = 72;
    /** A fitted exponential smoothing form, less its seasonal states. */
    private static final int FITTED_FORM_BYTES = 160;

    /**
     * Multiply-add equivalents of the fixed work per window and pass (scaling it in and out, its share
     * of a native call): what keeps a tiny model's cost from reading as nearly free. Measured: see
     * bench/README.md, "Bounded work".
     */
    static final long PER_WINDOW_OVERHEAD = 60_000;

    /**
     * Multiply-add equivalents of refitting exponential smoothing on one series and feature at forecast
     * time, seasonal or not: about 15 and 2 ms per fit on the real series (from 6 to 30 and 1.4 to 3 ms) at
     * the rate the budget's network work runs at on the same machine (about 1e10 per second). Other
     * baselines are small grids, left to the fixed work per window. bench/README.md, "Accuracy with
     * exponential smoothing as the prior", Cost.
     */
    static final long SEASONAL_SMOOTHING_WORK = 150_000_000;
    static final long SMOOTHING_WORK = 20_000_000;
    /**
     * Multiply-adds of fitting the autoregression at forecast time: ten least-squares fits (orders 1 to 5, on the
     * series and on its differences) of up to {@link Baselines#MAX_HISTORY} points and 6 regressors each.
     */
    static final long AUTOREGRESSION_WORK = 10L * Baselines.MAX_HISTORY * 36;

    private Costs() {}

    /** Multiply-adds of finding Guerrero's lambda for a Box-Cox transform: a grid of 301 over the history. */
    static final long BOX_COX_WORK = 301L * Baselines.MAX_HISTORY;

    /**
     * The work of refitting the baselines of {@code blend}, per series and feature, at forecast time; one fit
     * serves both the blend's exponential smoothing and the states a {@code smoothedNetwork} reads. On Box-Cox
     * transforms they are two, and a forecast that cannot be transformed back is refitted untransformed: each
     * baseline counted twice.
     */
    static long baselineWork(ForecastBlend blend, int period, boolean smoothedNetwork) {
        boolean smoothing = blend != null && blend.members().stream().anyMatch(member ->
                member.equals(Baselines.Method.ETS.name()) || member.equals(Baselines.Method.ETS_AVERAGED.name()));
        boolean network = blend == null || blend.members().contains(ForecastBlend.NETWORK);
        long autoregression = blend != null && blend.members().contains(Baselines.Method.AR.name())
                ? AUTOREGRESSION_WORK : 0;
        long fit = smoothing || smoothedNetwork && network ? smoothingFit(period) : 0;
        if (blend != null && blend.boxCox()) {
            return plus(plus(times(smoothing ? 2 : 1, fit), times(2, autoregression)), BOX_COX_WORK);
        }
        return plus(fit, autoregression);
    }

    /** One fit of exponential smoothing to one series and feature. */
    private static long smoothingFit(int period) {
        return period > 1 && period <= Ets.MAX_SEASON ? SEASONAL_SMOOTHING_WORK : SMOOTHING_WORK;
    }

    static long parameters(ModelSpec spec, int features) {
        long total = 0;
        long input = features;
        for (int layer = 0; layer < spec.layers(); layer++) {
            long perGate = times(spec.hiddenSize(), input + spec.hiddenSize() + 2);
            total = plus(total, times(spec.cell().gates(), perGate));
            input = spec.hiddenSize();
        }
        long outputs = times(spec.horizon(), features);
        return plus(total, times(outputs, spec.hiddenSize() + 1L));
    }

    /** Multiply-adds of one forward pass over one window, plus the fixed work per window. */
    static long workPerWindow(ModelSpec spec, int features) {
        return workPerWindow(spec, features, spec.window());
    }

    /** As above, for a network that reads the last {@code lookback} steps of each window. */
    static long workPerWindow(ModelSpec spec, int features, int lookback) {
        long perStep = 0;
        long input = features;
        for (int layer = 0; layer < spec.layers(); layer++) {
            perStep = plus(perStep, times(times(spec.cell().gates(), spec.hiddenSize()), input + spec.hiddenSize()));
            input = spec.hiddenSize();
        }
        return plus(plus(times(perStep, lookback), times(times(spec.horizon(), features), spec.hiddenSize())),
                PER_WINDOW_OVERHEAD);
    }

    /**
     * Peak memory of a training run: every window encoded on the heap (inputs, targets and their
     * bookkeeping), the model's parameters with their gradients and optimizer state, and one batch's
     * native tensors with the activations backpropagation keeps.
     */
    static long trainingBytes(SequenceData data, ModelSpec spec, TrainingSpec training) {
        int features = data.featureCount();
        long windows = windows(data, spec);
        long perWindow = plus(times(Float.BYTES, times(features, spec.window() + (long) spec.horizon())),
                WINDOW_OVERHEAD_BYTES + 16L * features);
        long smoothing = 0;
        if (SmoothingStates.apply(data)) {
            // Each window's reference holds smoothing's states (a seasonal cycle per feature); per series and feature
            // a fitted form, and the states along the longest series.
            long cycle = 8L * Math.max(1, data.seasonalPeriod());
            perWindow = plus(perWindow, times(features, SMOOTHED_STATE_BYTES + cycle));
            int longest = data.sequences().stream().mapToInt(Sequence::length).max().orElse(0);
            smoothing = plus(times(data.sequences().size(), times(features, FITTED_FORM_BYTES + cycle)),
                    times(24L * features, longest));
        }
        long encoded = plus(times(windows, perWindow), smoothing);
        long model = times(times(parameters(spec, features), Float.BYTES), COPIES_PER_PARAMETER);
        // A network for each reading of smoothed series' windows, the first kept while the second trains, and the
        // ensemble's further members.
        model = times(model, TrainingRun.networks(data, spec, training));
        long batch = Math.min(training.batchSize(), Math.max(1, windows));
        long activations = times(times(batch, spec.window()), times(spec.layers(),
                times(spec.hiddenSize(), spec.cell().gates() + 2L)));
        long batchTensors = times(Float.BYTES, plus(times(2, activations),
                times(batch, times(features, spec.window() + (long) spec.horizon()))));
        return plus(plus(encoded, model), batchTensors);
    }

    /**
     * Peak memory of a classifier's training: every sequence encoded as a row on the heap, the parameters
     * with their gradients and optimizer state, one batch's one-hot input (texts: the vocabulary wide) and
     * the activations backpropagation keeps.
     */
    static long classifierBytes(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        long inputs = data.text() ? Math.min(ClassifierInputs.MAX_VOCABULARY, data.sequences().stream()
                .flatMapToInt(s -> s.text() == null ? java.util.stream.IntStream.empty() : s.text().codePoints())
                .distinct().count()) + 2L : data.features().size();
        long rowFloats = plus(1, times(spec.maxLength(), data.text() ? 1 : data.features().size()));
        long rows = times(times(data.sequences().size(), rowFloats), Float.BYTES);
        long layerInput = data.text() ? spec.embedding() : inputs;
        long parameters = data.text() ? times(inputs, spec.embedding()) : 0;
        for (int layer = 0; layer < spec.layers(); layer++) {
            parameters = plus(parameters, times(spec.cell().gates(),
                    times(spec.hiddenSize(), layerInput + spec.hiddenSize() + 2)));
            layerInput = spec.hiddenSize();
        }
        long classes = data.sequences().stream().map(s -> s.label()).distinct().count();
        parameters = plus(parameters, times(spec.hiddenSize() + 1L, classes));
        long model = times(times(parameters, Float.BYTES), COPIES_PER_PARAMETER);
        long batch = Math.min(training.batchSize(), data.sequences().size());
        long oneHot = times(times(batch, spec.maxLength()), inputs);
        long activations = times(times(batch, spec.maxLength()), times(spec.layers(),
                times(spec.hiddenSize(), spec.cell().gates() + 2L)));
        // The n-gram baseline: at most 4 n-grams per character (and boundary), each a map entry with its counts.
        long characters = data.text() ? data.sequences().stream().mapToLong(s -> s.text().length() + 2L).sum() : 0;
        long ngrams = times(times(NgramBayes.MAX_N, characters), 128);
        return plus(plus(plus(rows, model), ngrams), times(Float.BYTES, times(3, plus(oneHot, activations))));
    }

    /** Work of fitting exponential smoothing to every series and feature, where the network reads smoothed windows. */
    static long smoothingWork(SequenceData data) {
        if (!SmoothingStates.apply(data)) {
            return 0;
        }
        long fits = times(data.sequences().size(), data.featureCount());
        return times(fits, smoothingFit(data.seasonalPeriod()));
    }

    /** Windows of the data, whether they train or validate. */
    static long windows(SequenceData data, ModelSpec spec) {
        long windows = 0;
        for (Sequence sequence : data.sequences()) {
            windows = plus(windows, Math.max(0, sequence.length() - spec.window() - spec.horizon() + 1L));
        }
        return windows;
    }

    /** Multiply-adds of one forward pass over every training window (without the fixed work per window). */
    static long forwardWork(SequenceData data, ModelSpec spec) {
        return forwardWork(data, spec, spec.window());
    }

    /** As above, for a network that reads the last {@code lookback} steps of each window. */
    static long forwardWork(SequenceData data, ModelSpec spec, int lookback) {
        long windows = windows(data, spec);
        return times(windows, workPerWindow(spec, data.featureCount(), lookback) - PER_WINDOW_OVERHEAD);
    }

    /** Multiply-adds of one forward pass over every sequence, each read to the classifier's longest length. */
    static long classifierForwardWork(ClassificationData data, ClassifierSpec spec) {
        return times(data.sequences().size(), recurrentWork(spec, data.text() ? spec.embedding()
                : data.features().size()));
    }

    /**
     * Multiply-adds of classifying one sequence read to the longest length: its one-hot embedding (texts,
     * {@code inputs} wide), the recurrent layers, plus the fixed work per window.
     */
    static long classifierWorkPerSequence(ClassifierSpec spec, boolean text, int inputs) {
        long embedding = text ? times(times(spec.maxLength(), inputs), spec.embedding()) : 0;
        return plus(plus(embedding, recurrentWork(spec, text ? spec.embedding() : inputs)), PER_WINDOW_OVERHEAD);
    }

    private static long recurrentWork(ClassifierSpec spec, long input) {
        long perStep = 0;
        for (int layer = 0; layer < spec.layers(); layer++) {
            perStep = plus(perStep, times(times(spec.cell().gates(), spec.hiddenSize()), input + spec.hiddenSize()));
            input = spec.hiddenSize();
        }
        return times(perStep, spec.maxLength());
    }

    static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }

    static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
