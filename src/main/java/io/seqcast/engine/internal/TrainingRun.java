package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.seqcast.engine.Defaults;
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
import java.util.Collections;
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
    private long started;
    private int plannedEpochs;
    /** Epochs planned for the networks trained so far, so that progress counts on across networks. */
    private int epochsDone;

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
        InputChecks.checkForecasterTraining(training);
        InputChecks.checkTrainingData(data, spec);
        Split split = Split.of(data, spec.window(), spec.horizon(), training.validationFraction());
        String fingerprint = DataFingerprint.of(data);
        context.prepareThreads();
        started = System.nanoTime();
        int readings = readings(data, split);
        boolean both = readings == 2;
        int members = members(data, spec, training);
        plannedEpochs = (readings + members - 1) * training.epochs();
        Trained trained = train(split, SmoothingStates.apply(data) && !both);
        String reading = null;
        try {
            if (both) {
                // Which reading of the windows forecasts better is the data's to say (bench/README.md).
                Trained smoothed;
                try {
                    smoothed = train(split, true);
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
            if (members > 1) {
                trained = withMembers(trained, split, members);
            }
            Trained chosen = trained;
            Blending.Choice choice = Blending.choose(data, split, spec.window(), spec.horizon(),
                    (sequence, origin) -> forecastAt(chosen, sequence, origin), chosen.fits());
            ForecastBlend blend = training.networkOnly() ? ForecastBlend.networkOnly("networkOnly was asked for")
                    : choice.blend();
            if (reading != null) {
                blend = blend.withReason(blend.reason() + "; " + reading);
            }
            Backtest backtest = backtest(choice, training.networkOnly());
            int trainedMembers = chosen.network().size();
            List<Integer> lookbacks = chosen.network().lookbacks();
            boolean ownLookbacks = lookbacks.stream().anyMatch(lookback -> lookback < spec.window());
            boolean listed = ownLookbacks || blend.boxCox();
            ModelManifest manifest = new ModelManifest(blend.boxCox() ? ModelManifest.TRANSFORM_FORMAT_VERSION
                    : ownLookbacks ? ModelManifest.LOOKBACK_FORMAT_VERSION
                    : trainedMembers > 1 ? ModelManifest.ENSEMBLE_FORMAT_VERSION
                    : ModelManifest.FORMAT_VERSION, data.kind(), data.features(), spec,
                    training.toBuilder().members(trainedMembers).build(), normalization(chosen.scaling(), data),
                    data.seasonalPeriod(), chosen.metrics(),
                    chosen.summary(), fingerprint, engineInfo, Instant.now(), Map.of(), blend, backtest,
                    Task.FORECASTING, null, listed ? lookbacks : null);
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
     * each reading and keep the one that validates better (with nothing held out, the smoothed one alone);
     * the kept reading then trains the ensemble's other members.
     */
    static int networks(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return lookbacks(data, spec, training).size();
    }

    /** The steps each network of {@link #networks} reads: the readings' whole window, then the other members'. */
    static List<Integer> lookbacks(SequenceData data, ModelSpec spec, TrainingSpec training) {
        Split split = Split.of(data, spec.window(), spec.horizon(), training.validationFraction());
        List<Integer> lookbacks = new ArrayList<>(Collections.nCopies(readings(data, split), spec.window()));
        for (int m = 1; m < members(data, spec, training); m++) {
            lookbacks.add(Ensemble.lookback(spec.window(), m));
        }
        return lookbacks;
    }

    private static int readings(SequenceData data, Split split) {
        return SmoothingStates.apply(data) && split.hasValidation() ? 2 : 1;
    }

    /** The ensemble's size: as asked, else by the data's size ({@link Defaults#members}). */
    static int members(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return training.members() != null ? training.members() : Defaults.members(Costs.forwardWork(data, spec));
    }

    /**
     * Networks trained on one reading of the windows, owning their parameters' memory, with what forecasting
     * from validation origins needs: its scaling and, for smoothed windows, the fits that give their states.
     */
    private record Trained(Scaling scaling, FitCache fits, Ensemble network, NDManager manager,
            TrainingSummary summary, ValidationMetrics metrics) {}

    /** One reading's training and validation windows; built again for further members, not kept meanwhile. */
    private record Windows(WindowSet train, WindowSet validation) {}

    private Windows windows(Split split, Scaling scaling, boolean smoothed) {
        SmoothingStates states = smoothed ? new SmoothingStates(data, split.trainingEnd()) : null;
        WindowSet train = WindowSet.of(data, scaling, spec.window(), spec.horizon(), new int[split.trainingEnd().length],
                split.trainingEnd(), states);
        WindowSet validation = split.hasValidation()
                ? WindowSet.of(data, scaling, spec.window(), spec.horizon(), split.trainingEnd(), split.lengths(), states)
                : null;
        return new Windows(train, validation);
    }

    /**
     * Trains one network from the run's seed, its windows relative to the last season or, where
     * {@code smoothed}, to exponential smoothing's states.
     */
    private Trained train(Split split, boolean smoothed) {
        Scaling scaling = ScalingFit.fit(data, split.trainingEnd(), spec.window(), smoothed);
        // Forecasts from validation origins take smoothing's states from a fit there, as a forecast request does;
        // the baselines scored at the same origins reuse those fits.
        FitCache fits = smoothed ? new FitCache() : null;
        Windows windows = windows(split, scaling, smoothed);
        NDManager modelManager = context.root().newSubManager();
        try {
            return trained(new Trained(scaling, fits, null, modelManager, null, null), 1, windows, split);
        } catch (RuntimeException | Error e) {
            modelManager.close();
            throw e;
        }
    }

    /** The kept reading with {@code members - 1} more networks, from seeds of their own, on the same windows. */
    private Trained withMembers(Trained first, Split split, int members) {
        return trained(first, members, windows(split, first.scaling(), first.fits() != null), split);
    }

    /**
     * Trains members past those of {@code from}'s ensemble (none at first) up to {@code members}, in
     * {@code from}'s manager, then validates them together. A further member that diverges is left out: the
     * ensemble keeps those that trained.
     */
    private Trained trained(Trained from, int members, Windows windows, Split split) {
        List<RecurrentNetwork> kept = new ArrayList<>(from.network() == null ? List.of() : from.network().members());
        TrainingSummary summary = from.summary();
        for (int m = kept.size(); m < members; m++) {
            SplittableRandom random = memberRandom(m);
            RecurrentNetwork network = RecurrentNetwork.initialize(spec, data.featureCount(),
                    Ensemble.lookback(spec.window(), m), from.manager(), random.split());
            SplittableRandom shuffleRandom = random.split();
            SplittableRandom dropoutRandom = random.split();
            try (NDManager trainingManager = context.root().newSubManager()) {
                TrainingSummary memberSummary = new EpochLoop(spec, training, listener).fit(network, windows.train(),
                        windows.validation(), trainingManager, shuffleRandom, dropoutRandom, started, epochsDone,
                        plannedEpochs);
                kept.add(network);
                // The first member's curves describe the run; the time counts every member.
                summary = summary == null ? memberSummary : summary.withDurationMillis(memberSummary.durationMillis());
            } catch (TrainingFailedException e) {
                if (m == 0) {
                    throw e;
                }
                network.parameters().forEach(Parameter::close);
            } finally {
                epochsDone += training.epochs();
            }
        }
        Ensemble ensemble = new Ensemble(kept);
        ValidationMetrics metrics = windows.validation() == null ? null
                : ValidationScoring.metrics(data, split, ensemble, from.manager(), from.scaling(),
                        windows.validation(), context);
        return new Trained(from.scaling(), from.fits(), ensemble, from.manager(), summary, metrics);
    }

    /**
     * The generator of one member: the first from the run's seed, as a single network always was, the others
     * from seeds derived from it.
     */
    private SplittableRandom memberRandom(int member) {
        return new SplittableRandom(training.seed() ^ (member * 0x9E3779B97F4A7C15L));
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
