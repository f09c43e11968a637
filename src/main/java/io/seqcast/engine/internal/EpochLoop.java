package io.seqcast.engine.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.seqcast.engine.EpochProgress;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.TrainingCancelledException;
import io.seqcast.engine.TrainingFailedException;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.TrainingSummary;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The mini-batch loop that trains one network: shuffled epochs, early stopping on the validation loss, the
 * best epoch's weights restored.
 */
final class EpochLoop {

    /**
     * How much better than the untrained start (epoch 0, its baseline) on validation a trained epoch must be to
     * replace it: small validation sets reward noise (measured in bench/README.md). Later epochs only need
     * to beat the best so far.
     */
    static final double MIN_IMPROVEMENT_OVER_BASELINE = 0.10;

    private final ModelSpec spec;
    private final TrainingSpec training;
    private final TrainingListener listener;

    EpochLoop(ModelSpec spec, TrainingSpec training, TrainingListener listener) {
        this.spec = spec;
        this.training = training;
        this.listener = listener;
    }

    TrainingSummary fit(RecurrentNetwork network, WindowSet train, WindowSet validation, NDManager manager,
            SplittableRandom shuffleRandom, SplittableRandom dropoutRandom, long started, int epochOffset,
            int plannedEpochs) {
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
        // The untrained network forecasts its baseline (seasonal naive, or exponential smoothing for smoothed series):
        // training must beat it on validation to be kept.
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
                    throw new TrainingCancelledException(epochOffset + epoch);
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
                        + (epochOffset + epoch) + "; lower the learning rate or set gradientClipNorm");
            }
            trainLosses.add(trainLoss);
            Double validationLoss = validation == null ? null : evaluate(network, validation, manager);
            if (validationLoss != null) {
                validationLosses.add(validationLoss);
            }
            listener.epochFinished(new EpochProgress(epochOffset + epoch, plannedEpochs, trainLoss, validationLoss,
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
        return backwardAndStep(() -> {
            NDArray inputs = manager.create(x, new Shape(batch, spec.window(), x.length / batch / spec.window()));
            NDArray targets = manager.create(y, new Shape(batch, y.length / batch));
            return loss(network.forward(inputs, true, dropoutRandom), targets);
        }, seed, updater);
    }

    /**
     * Computes a batch's loss with gradients recorded, backpropagates it from {@code seed} and updates the
     * parameters, its arrays freed on return; returns the loss.
     */
    static float backwardAndStep(Supplier<NDArray> loss, PtNDArray seed, ParameterUpdater updater) {
        try (NDScope ignored = new NDScope()) {
            float value;
            JniUtils.setGradMode(true);
            try {
                NDArray lossArray = loss.get();
                JniUtils.backward((PtNDArray) lossArray, seed, false, false);
                value = lossArray.getFloat();
            } finally {
                JniUtils.setGradMode(false);
            }
            updater.step();
            return value;
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
            case CROSS_ENTROPY -> throw new IllegalStateException("a forecaster's loss is checked before training");
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
