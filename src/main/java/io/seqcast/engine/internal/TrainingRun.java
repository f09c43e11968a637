package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.Backtest;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingFailedException;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.Task;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.TrainingSummary;
import io.seqcast.engine.ValidationMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One training run of a forecasting model: the split, a network per reading of the windows ({@link EpochLoop}),
 * the one kept, its validation metrics, the blend and its backtest.
 */
final class TrainingRun {

    private final SequenceData data;
    private final ModelSpec spec;
    private final TrainingSpec training;
    private final TrainingListener listener;
    private final NativeContext context;
    private final EngineInfo engineInfo;

    TrainingRun(SequenceData data, ModelSpec spec, TrainingSpec training, TrainingListener listener,
            NativeContext context, EngineInfo engineInfo) {
        this.data = data;
        this.spec = spec;
        this.training = training;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.context = context;
        this.engineInfo = engineInfo;
    }

    DjlForecastModel run() {
        InputChecks.checkTrainingData(data, spec);
        Split split = Split.of(data, spec.window(), spec.horizon(), training.validationFraction());
        String fingerprint = DataFingerprint.of(data);
        context.prepareThreads();
        long started = System.nanoTime();
        int networks = networks(data, split);
        boolean both = networks == 2;
        int planned = networks * training.epochs();
        Trained trained = train(split, SmoothingStates.apply(data) && !both, 0, planned, started);
        String reading = null;
        try {
            if (both) {
                // Which reading of the windows forecasts better is the data's to say (bench/README.md).
                Trained smoothed;
                try {
                    smoothed = train(split, true, training.epochs(), planned, started);
                } catch (TrainingFailedException e) {
                    // The first reading trained; a second that diverges (odd states on odd data) need not fail the job.
                    smoothed = null;
                    reading = "the network reads windows relative to their last season (relative to exponential"
                            + " smoothing, " + e.getMessage() + ")";
                }
                if (smoothed != null) {
                    boolean better = smoothed.metrics().mase() < trained.metrics().mase();
                    reading = reading(better ? smoothed : trained, better ? trained : smoothed);
                    (better ? trained : smoothed).manager().close();
                    trained = better ? smoothed : trained;
                }
            }
            Trained chosen = trained;
            Blending.Choice choice = Blending.choose(data, split, spec.window(), spec.horizon(),
                    (sequence, origin) -> forecastAt(chosen, sequence, origin), chosen.fits());
            ForecastBlend blend = training.networkOnly() ? ForecastBlend.networkOnly("networkOnly was asked for")
                    : choice.blend();
            if (reading != null) {
                blend = new ForecastBlend(blend.members(), blend.validationMase(), blend.origins(),
                        blend.reason() + "; " + reading);
            }
            Backtest backtest = backtest(choice, training.networkOnly());
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, data.kind(), data.features(), spec,
                    training, normalization(chosen.scaling(), data), data.seasonalPeriod(), chosen.metrics(),
                    chosen.summary(), fingerprint, engineInfo, Instant.now(), Map.of(), blend, backtest,
                    Task.FORECASTING, null);
            // Cases only where the model forecast them out of sample: a network without validation trained on them.
            return new DjlForecastModel(manifest, chosen.network(), chosen.manager(), context,
                    backtest == null ? null : choice.cases());
        } catch (RuntimeException | Error e) {
            trained.manager().close();
            throw e;
        }
    }

    /** Which network is kept, and both validation scores, for the blend's reason. */
    private static String reading(Trained kept, Trained other) {
        boolean smoothed = kept.fits() != null;
        return String.format(Locale.ROOT, "the network reads windows relative to %s (validation MASE %.3f; relative"
                + " to %s %.3f)", smoothed ? "exponential smoothing" : "their last season", kept.metrics().mase(),
                smoothed ? "the last season" : "exponential smoothing", other.metrics().mase());
    }

    /**
     * Networks a run trains: series whose windows can be read relative to exponential smoothing train one on
     * each reading and keep the one that validates better; with nothing held out, the smoothed one alone.
     */
    static int networks(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return networks(data, Split.of(data, spec.window(), spec.horizon(), training.validationFraction()));
    }

    private static int networks(SequenceData data, Split split) {
        return SmoothingStates.apply(data) && split.hasValidation() ? 2 : 1;
    }

    /**
     * A network trained on one reading of the windows, owning its parameters' memory, with what forecasting
     * from validation origins needs: its scaling and, for smoothed windows, the fits that give their states.
     */
    private record Trained(Scaling scaling, FitCache fits, RecurrentNetwork network, NDManager manager,
            TrainingSummary summary, ValidationMetrics metrics) {}

    /**
     * Trains one network from the run's seed, its windows relative to the last season or, where
     * {@code smoothed}, to exponential smoothing's states; epochs are reported after {@code epochOffset}.
     */
    private Trained train(Split split, boolean smoothed, int epochOffset, int plannedEpochs, long started) {
        Scaling scaling = Scaling.fit(data, split.trainingEnd(), spec.window(), smoothed);
        SmoothingStates states = smoothed ? new SmoothingStates(data, split.trainingEnd()) : null;
        // Forecasts from validation origins take smoothing's states from a fit there, as a forecast request does;
        // the baselines scored at the same origins reuse those fits.
        FitCache fits = smoothed ? new FitCache() : null;
        WindowSet train = WindowSet.of(data, scaling, spec.window(), spec.horizon(), new int[split.trainingEnd().length],
                split.trainingEnd(), states);
        WindowSet validation = split.hasValidation()
                ? WindowSet.of(data, scaling, spec.window(), spec.horizon(), split.trainingEnd(), split.lengths(), states)
                : null;
        SplittableRandom random = new SplittableRandom(training.seed());
        SplittableRandom initRandom = random.split();
        SplittableRandom shuffleRandom = random.split();
        SplittableRandom dropoutRandom = random.split();
        NDManager modelManager = context.root().newSubManager();
        try {
            RecurrentNetwork network = RecurrentNetwork.initialize(spec, data.featureCount(), modelManager, initRandom);
            TrainingSummary summary;
            try (NDManager trainingManager = context.root().newSubManager()) {
                summary = new EpochLoop(spec, training, listener).fit(network, train, validation, trainingManager,
                        shuffleRandom, dropoutRandom, started, epochOffset, plannedEpochs);
            }
            ValidationMetrics metrics =
                    validation == null ? null : metrics(network, modelManager, scaling, validation, split);
            return new Trained(scaling, fits, network, modelManager, summary, metrics);
        } catch (RuntimeException | Error e) {
            modelManager.close();
            throw e;
        }
    }

    /** The backtest of what the model forecasts with: the chosen blend, or the network when asked for alone. */
    private static Backtest backtest(Blending.Choice choice, boolean networkOnly) {
        Backtest backtest = choice.backtest();
        if (!networkOnly || backtest == null) {
            return backtest;
        }
        Backtest.Steps network = backtest.scores().get(ForecastBlend.NETWORK);
        if (network == null) {
            return null;
        }
        Map<String, Backtest.Steps> scores = new LinkedHashMap<>(backtest.scores());
        scores.put(Backtest.MODEL, network);
        return new Backtest(backtest.origins(), backtest.horizon(), List.of(ForecastBlend.NETWORK), scores,
                choice.networkCalibration());
    }

    /** The scaling of each feature, and for series whether it was ever negative. */
    private static List<FeatureScaling> normalization(Scaling scaling, SequenceData data) {
        List<FeatureScaling> described = scaling.describe(data.features());
        if (data.kind() != SequenceKind.SERIES) {
            return described;
        }
        List<FeatureScaling> out = new ArrayList<>(described.size());
        for (int f = 0; f < described.size(); f++) {
            boolean nonNegative = true;
            for (Sequence sequence : data.sequences()) {
                for (float[] row : sequence.values()) {
                    nonNegative &= row[f] >= 0;
                }
            }
            out.add(described.get(f).withNonNegative(nonNegative));
        }
        return out;
    }

    private ValidationMetrics metrics(
            RecurrentNetwork network, NDManager manager, Scaling scaling, WindowSet set, Split split) {
        int inputSize = set.window * set.features;
        int outputSize = set.horizon * set.features;
        List<float[][]> forecasts = new ArrayList<>(set.count);
        List<float[][]> actuals = new ArrayList<>(set.count);
        List<double[]> scales = new ArrayList<>(set.count);
        int chunk = 1024;
        for (int from = 0; from < set.count; from += chunk) {
            int n = Math.min(chunk, set.count - from);
            context.prepareInferenceThread();
            float[] output = network.predict(manager, Arrays.copyOfRange(set.inputs, from * inputSize,
                    (from + n) * inputSize), n);
            for (int k = 0; k < n; k++) {
                int w = from + k;
                forecasts.add(scaling.decodeSteps(output, k * outputSize, set.horizon, set.references.get(w)));
                float[][] values = data.sequences().get(set.sequenceIndex[w]).values();
                actuals.add(Arrays.copyOfRange(values, set.targetStart[w], set.targetStart[w] + set.horizon));
                double[] scale = new double[set.features];
                for (int f = 0; f < set.features; f++) {
                    scale[f] = Accuracy.naiveScale(values, split.scaleLength(set.sequenceIndex[w]), f,
                            data.seasonalPeriod());
                }
                scales.add(scale);
            }
        }
        ValidationMetrics metrics = Accuracy.of(forecasts, actuals, scales);
        return data.kind() == SequenceKind.TRAJECTORY
                ? metrics.withDisplacement(Accuracy.displacement(forecasts, actuals, data.features(), data.geographic()))
                : metrics;
    }

    /** The trained network's forecast from the window that ends before {@code origin} of one sequence. */
    private float[][] forecastAt(Trained trained, int sequence, int origin) {
        float[][] values = data.sequences().get(sequence).values();
        float[] input = new float[spec.window() * data.featureCount()];
        Decomposition[] states = null;
        if (trained.fits() != null) {
            states = new Decomposition[data.featureCount()];
            for (int f = 0; f < states.length; f++) {
                states[f] = trained.fits().fit(Blending.column(values, 0, origin, f), data.seasonalPeriod())
                        .decomposition();
            }
        }
        Scaling.Reference reference = trained.scaling().encodeWindow(values, origin - spec.window(), spec.window(),
                input, 0, states, 0);
        context.prepareInferenceThread();
        return trained.scaling().decodeSteps(trained.network().predict(trained.manager(), input, 1), 0, spec.horizon(),
                reference);
    }

}
