package io.seqcast.engine.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.Backtest;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.EpochProgress;
import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingCancelledException;
import io.seqcast.engine.TrainingFailedException;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.Task;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.TrainingSummary;
import io.seqcast.engine.ValidationMetrics;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One training run: windows, mini-batch loop, early stopping, validation metrics. */
final class TrainingRun {

    /**
     * How much better than the seasonal naive start (epoch 0) on validation a trained epoch must be to
     * replace it: small validation sets reward noise (measured in bench/README.md). Later epochs only need
     * to beat the best so far.
     */
    static final double MIN_IMPROVEMENT_OVER_BASELINE = 0.10;

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
        Scaling scaling = Scaling.fit(data, split.trainingEnd(), spec.window());
        WindowSet train = WindowSet.of(data, scaling, spec.window(), spec.horizon(), new int[split.trainingEnd().length], split.trainingEnd());
        WindowSet validation = split.hasValidation()
                ? WindowSet.of(data, scaling, spec.window(), spec.horizon(), split.trainingEnd(), split.lengths())
                : null;
        String fingerprint = DataFingerprint.of(data);

        SplittableRandom random = new SplittableRandom(training.seed());
        SplittableRandom initRandom = random.split();
        SplittableRandom shuffleRandom = random.split();
        SplittableRandom dropoutRandom = random.split();

        context.prepareThreads();
        long started = System.nanoTime();
        NDManager modelManager = context.root().newSubManager();
        try {
            RecurrentNetwork network = RecurrentNetwork.initialize(spec, data.featureCount(), modelManager, initRandom);
            TrainingSummary summary;
            try (NDManager trainingManager = context.root().newSubManager()) {
                summary = fit(network, train, validation, trainingManager, shuffleRandom, dropoutRandom, started);
            }
            ValidationMetrics metrics =
                    validation == null ? null : metrics(network, modelManager, scaling, validation, split);
            Blending.Choice choice = Blending.choose(data, split, spec.window(), spec.horizon(),
                    (sequence, origin) -> forecastAt(network, modelManager, scaling, sequence, origin));
            ForecastBlend blend = training.networkOnly() ? ForecastBlend.networkOnly("networkOnly was asked for")
                    : choice.blend();
            Backtest backtest = backtest(choice, training.networkOnly());
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, data.kind(), data.features(), spec,
                    training, normalization(scaling, data), data.seasonalPeriod(), metrics, summary, fingerprint,
                    engineInfo, Instant.now(), Map.of(), blend, backtest, Task.FORECASTING, null);
            // Cases only where the model forecast them out of sample: a network without validation trained on them.
            return new DjlForecastModel(manifest, network, modelManager, context, backtest == null ? null : choice.cases());
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

    private TrainingSummary fit(RecurrentNetwork network, WindowSet train, WindowSet validation, NDManager manager,
            SplittableRandom shuffleRandom, SplittableRandom dropoutRandom, long started) {
        List<Parameter> parameters = network.parameters();
        ParameterUpdater updater = new ParameterUpdater(training, parameters, manager);
        PtNDArray seed = (PtNDArray) manager.ones(new Shape());
        int[] order = new int[train.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int inputSize = spec.window() * train.features;
        int targetSize = spec.horizon() * train.features;
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        // The untrained network forecasts seasonal naive: training must beat it on validation to be kept.
        double bestLoss = validation == null ? Double.POSITIVE_INFINITY : evaluate(network, validation, manager);
        int bestEpoch = 0;
        float[][] bestWeights = validation == null ? null : snapshot(parameters);
        int epoch = 0;
        while (epoch < training.epochs()) {
            epoch++;
            if (training.shuffle()) {
                shuffle(order, shuffleRandom);
            }
            double lossSum = 0;
            for (int from = 0; from < order.length; from += training.batchSize()) {
                if (listener.cancelRequested()) {
                    throw new TrainingCancelledException(epoch);
                }
                int batch = Math.min(training.batchSize(), order.length - from);
                float[] x = new float[batch * inputSize];
                float[] y = new float[batch * targetSize];
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(train.inputs, order[from + b] * inputSize, x, b * inputSize, inputSize);
                    System.arraycopy(train.targets, order[from + b] * targetSize, y, b * targetSize, targetSize);
                }
                lossSum += step(network, updater, manager, seed, x, y, batch, dropoutRandom) * batch;
            }
            double trainLoss = lossSum / order.length;
            if (!Double.isFinite(trainLoss)) {
                throw new TrainingFailedException("training diverged: the loss became " + trainLoss + " in epoch "
                        + epoch + "; lower the learning rate or set gradientClipNorm");
            }
            trainLosses.add(trainLoss);
            Double validationLoss = validation == null ? null : evaluate(network, validation, manager);
            if (validationLoss != null) {
                validationLosses.add(validationLoss);
            }
            listener.epochFinished(new EpochProgress(epoch, training.epochs(), trainLoss, validationLoss,
                    Duration.ofNanos(System.nanoTime() - started)));
            if (validationLoss == null) {
                bestEpoch = epoch;
                continue;
            }
            double required = bestEpoch == 0 ? bestLoss * (1 - MIN_IMPROVEMENT_OVER_BASELINE) : bestLoss;
            if (validationLoss < required) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                bestWeights = snapshot(parameters);
            } else if (training.earlyStoppingPatience() > 0 && epoch - bestEpoch >= training.earlyStoppingPatience()) {
                break;
            }
        }
        if (bestWeights != null && bestEpoch != epoch) {
            restore(parameters, bestWeights);
        }
        return new TrainingSummary(epoch, bestEpoch, trainLosses, validationLosses, train.count,
                validation == null ? 0 : validation.count, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Forward, backward and update on one batch; returns the batch's mean loss. */
    private float step(RecurrentNetwork network, ParameterUpdater updater, NDManager manager, PtNDArray seed,
            float[] x, float[] y, int batch, SplittableRandom dropoutRandom) {
        try (NDScope ignored = new NDScope()) {
            float loss;
            JniUtils.setGradMode(true);
            try {
                NDArray inputs = manager.create(x, new Shape(batch, spec.window(), x.length / batch / spec.window()));
                NDArray targets = manager.create(y, new Shape(batch, y.length / batch));
                NDArray lossArray = loss(network.forward(inputs, true, dropoutRandom), targets);
                JniUtils.backward((PtNDArray) lossArray, seed, false, false);
                loss = lossArray.getFloat();
            } finally {
                JniUtils.setGradMode(false);
            }
            updater.step();
            return loss;
        }
    }

    private NDArray loss(NDArray predictions, NDArray targets) {
        NDArray error = predictions.sub(targets);
        return switch (training.loss()) {
            case MSE -> error.square().mean();
            case MAE -> error.abs().mean();
            case HUBER -> {
                // 0.5 * min(|e|, 1)^2 + (|e| - min(|e|, 1)): quadratic inside [-1, 1], linear outside.
                NDArray absolute = error.abs();
                NDArray inside = absolute.clip(0f, 1f);
                yield inside.square().mul(0.5f).add(absolute.sub(inside)).mean();
            }
        };
    }

    /** Mean loss over all validation windows, without gradients. */
    private double evaluate(RecurrentNetwork network, WindowSet set, NDManager manager) {
        int inputSize = set.window * set.features;
        int targetSize = set.horizon * set.features;
        int chunk = 1024;
        double sum = 0;
        for (int from = 0; from < set.count; from += chunk) {
            int n = Math.min(chunk, set.count - from);
            try (NDScope ignored = new NDScope()) {
                float[] x = Arrays.copyOfRange(set.inputs, from * inputSize, (from + n) * inputSize);
                float[] y = Arrays.copyOfRange(set.targets, from * targetSize, (from + n) * targetSize);
                NDArray predictions = network.forward(manager.create(x, new Shape(n, set.window, set.features)), false, null);
                sum += loss(predictions, manager.create(y, new Shape(n, targetSize))).getFloat() * (double) n;
            }
        }
        return sum / set.count;
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
    private float[][] forecastAt(RecurrentNetwork network, NDManager manager, Scaling scaling, int sequence, int origin) {
        float[][] values = data.sequences().get(sequence).values();
        float[] input = new float[spec.window() * data.featureCount()];
        double[] reference = scaling.encodeWindow(values, origin - spec.window(), spec.window(), input, 0);
        context.prepareInferenceThread();
        return scaling.decodeSteps(network.predict(manager, input, 1), 0, spec.horizon(), reference);
    }

    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    static float[][] snapshot(List<Parameter> parameters) {
        float[][] weights = new float[parameters.size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = parameters.get(i).getArray().toFloatArray();
        }
        return weights;
    }

    static void restore(List<Parameter> parameters, float[][] weights) {
        for (int i = 0; i < weights.length; i++) {
            parameters.get(i).getArray().set(FloatBuffer.wrap(weights[i]));
        }
    }
}
