package io.seqcast.engine.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.ndarray.NDScope;
import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.ClassifierManifest;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.EpochProgress;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.LossType;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.Task;
import io.seqcast.engine.TrainingCancelledException;
import io.seqcast.engine.TrainingFailedException;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.TrainingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One classifier training run: a stratified validation split, padded mini-batches with true lengths,
 * class-weighted cross-entropy, early stopping on the validation loss (the best epoch's weights kept),
 * and the validation metrics.
 */
final class ClassifierTraining {

    /** Classes a classifier may have, at most. */
    static final int MAX_CLASSES = 1000;

    private final ClassificationData data;
    private final ClassifierSpec spec;
    private final TrainingSpec training;
    private final TrainingListener listener;
    private final NativeContext context;
    private final EngineInfo engineInfo;

    ClassifierTraining(ClassificationData data, ClassifierSpec spec, TrainingSpec training, TrainingListener listener,
            NativeContext context, EngineInfo engineInfo) {
        this.data = data;
        this.spec = spec;
        this.training = training;
        this.listener = listener;
        this.context = context;
        this.engineInfo = engineInfo;
    }

    /** The labels in sorted order, each sequence's label index; checks the data before any native call. */
    static List<String> check(ClassificationData data) {
        if (data.sequences().size() < 2) {
            throw new InvalidInputException("sequences", "a classifier needs at least 2 labelled sequences");
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < data.sequences().size(); i++) {
            LabelledSequence sequence = data.sequences().get(i);
            if (sequence.label() == null || sequence.label().isBlank()) {
                throw new InvalidInputException("sequences[" + i + "].label", "every training sequence needs a label");
            }
            if (data.text() ? sequence.text() == null || sequence.text().isEmpty()
                    : sequence.values() == null || sequence.values().length == 0) {
                throw new InvalidInputException("sequences[" + i + "]", data.text() ? "every sequence needs a non-empty"
                        + " text" : "every sequence needs non-empty values");
            }
            counts.merge(sequence.label(), 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new InvalidInputException("sequences", "a classifier needs at least 2 distinct labels, got "
                    + counts.keySet());
        }
        if (counts.size() > MAX_CLASSES) {
            throw new InvalidInputException("sequences", "at most " + MAX_CLASSES + " distinct labels, got "
                    + counts.size());
        }
        return List.copyOf(counts.keySet());
    }

    DjlClassifier run() {
        List<String> labels = check(data);
        int n = data.sequences().size();
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = Collections.binarySearch(labels, data.sequences().get(i).label());
        }
        SplittableRandom random = new SplittableRandom(training.seed());
        SplittableRandom splitRandom = random.split();
        SplittableRandom initRandom = random.split();
        SplittableRandom shuffleRandom = random.split();
        SplittableRandom dropoutRandom = random.split();
        int[][] split = stratifiedSplit(truth, labels.size(), training.validationFraction(), splitRandom);
        int[] trainIndexes = split[0];
        int[] validationIndexes = split[1];
        ClassifierInputs inputs = ClassifierInputs.fit(data, spec.maxLength(), trainIndexes);
        float[] rows = inputs.encode(data.sequences());
        double[] classWeights = classWeights(truth, trainIndexes, labels.size());

        context.prepareThreads();
        long started = System.nanoTime();
        NDManager modelManager = context.root().newSubManager();
        try {
            ClassifierNetwork network = ClassifierNetwork.initialize(spec, inputs.inputs(), inputs.text(),
                    labels.size(), modelManager, initRandom);
            TrainingSummary summary;
            try (NDManager trainingManager = context.root().newSubManager()) {
                summary = fit(network, inputs, rows, truth, classWeights, trainIndexes, validationIndexes,
                        trainingManager, shuffleRandom, dropoutRandom, started);
            }
            NgramBayes bayes = inputs.text()
                    ? NgramBayes.fit(rows, inputs.rowSize(), trainIndexes, truth, labels.size()) : null;
            ClassifierManifest classifier = ClassifierValidation.validated(spec, training.batchSize(), context, network,
                    inputs, bayes, rows, truth, validationIndexes, labels, classWeights, modelManager);
            if (bayes != null && validationIndexes.length > 0) {
                // Counting needs no early stopping: once validation chose the mix, the baseline counts every
                // labelled text (the metrics stay those of validation).
                int[] all = new int[n];
                Arrays.setAll(all, i -> i);
                bayes = null; // the training-part counts are done with: not both in memory at once
                bayes = NgramBayes.fit(rows, inputs.rowSize(), all, truth, labels.size());
            }
            // The manifest records the loss trained with, whatever the spec's default said.
            TrainingSpec trained = training.toBuilder().loss(LossType.CROSS_ENTROPY).build();
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, SequenceKind.SERIES,
                    data.features(), null, trained, List.of(), 1, null, summary, DataFingerprint.of(data), engineInfo,
                    Instant.now(), Map.of(), null, null, Task.CLASSIFICATION, classifier, null);
            return new DjlClassifier(manifest, network, inputs, bayes, modelManager, context);
        } catch (RuntimeException | Error e) {
            modelManager.close();
            throw e;
        }
    }

    /**
     * Per class, a seeded shuffle of its sequences, the last {@code fraction} of them (at least one where
     * the class has two or more) held out: every class is in both parts in its own proportion.
     */
    static int[][] stratifiedSplit(int[] truth, int classes, double fraction, SplittableRandom random) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == c) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            int held = fraction <= 0 || members.size() < 2 ? 0
                    : Math.max(1, (int) Math.round(members.size() * fraction));
            train.addAll(members.subList(0, members.size() - held));
            validation.addAll(members.subList(members.size() - held, members.size()));
        }
        train.sort(null);
        validation.sort(null);
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
            validation.stream().mapToInt(Integer::intValue).toArray()};
    }

    /** Inverse class frequency in the training part, scaled to mean 1; all 1 when the classes are balanced. */
    static double[] classWeights(int[] truth, int[] trainIndexes, int classes) {
        int[] counts = new int[classes];
        for (int i : trainIndexes) {
            counts[truth[i]]++;
        }
        double[] weights = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 0 : 1.0 / counts[c];
            sum += weights[c];
        }
        long present = Arrays.stream(counts).filter(count -> count > 0).count();
        for (int c = 0; c < classes; c++) {
            weights[c] = weights[c] * present / sum;
        }
        return weights;
    }

    private TrainingSummary fit(ClassifierNetwork network, ClassifierInputs inputs, float[] rows, int[] truth,
            double[] classWeights, int[] trainIndexes, int[] validationIndexes, NDManager manager,
            SplittableRandom shuffleRandom, SplittableRandom dropoutRandom, long started) {
        List<Parameter> parameters = network.parameters();
        ParameterUpdater updater = new ParameterUpdater(training, parameters, manager);
        PtNDArray seed = (PtNDArray) manager.ones(new Shape());
        int[] order = trainIndexes.clone();
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        float[][] bestWeights = null;
        int epoch = 0;
        int size = inputs.rowSize();
        while (epoch < training.epochs()) {
            epoch++;
            if (training.shuffle()) {
                EpochLoop.shuffle(order, shuffleRandom);
            }
            double lossSum = 0;
            for (int from = 0; from < order.length; from += training.batchSize()) {
                if (listener.cancelRequested()) {
                    throw new TrainingCancelledException(epoch);
                }
                int batch = Math.min(training.batchSize(), order.length - from);
                float[] batchRows = new float[batch * size];
                int[] batchTruth = new int[batch];
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(rows, order[from + b] * size, batchRows, b * size, size);
                    batchTruth[b] = truth[order[from + b]];
                }
                lossSum += step(network, inputs, updater, manager, seed, batchRows, batchTruth, classWeights, batch,
                        dropoutRandom) * batch;
            }
            double trainLoss = lossSum / Math.max(1, order.length);
            if (!Double.isFinite(trainLoss)) {
                throw new TrainingFailedException("training diverged: the loss became " + trainLoss + " in epoch "
                        + epoch + "; lower the learning rate or set gradientClipNorm");
            }
            trainLosses.add(trainLoss);
            Double validationLoss = validationIndexes.length == 0 ? null
                    : evaluate(network, inputs, rows, truth, classWeights, validationIndexes, manager);
            if (validationLoss != null) {
                validationLosses.add(validationLoss);
            }
            listener.epochFinished(new EpochProgress(epoch, training.epochs(), trainLoss, validationLoss,
                    Duration.ofNanos(System.nanoTime() - started)));
            if (validationLoss == null) {
                bestEpoch = epoch;
                continue;
            }
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                bestWeights = EpochLoop.snapshot(parameters);
            } else if (training.earlyStoppingPatience() > 0 && epoch - bestEpoch >= training.earlyStoppingPatience()) {
                break;
            }
        }
        if (bestWeights != null && bestEpoch != epoch) {
            EpochLoop.restore(parameters, bestWeights);
        }
        return new TrainingSummary(epoch, bestEpoch, trainLosses, validationLosses, trainIndexes.length,
                validationIndexes.length, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private float step(ClassifierNetwork network, ClassifierInputs inputs, ParameterUpdater updater, NDManager manager,
            PtNDArray seed, float[] rows, int[] truth, double[] classWeights, int batch, SplittableRandom dropoutRandom) {
        return EpochLoop.backwardAndStep(() -> {
            ClassifierInputs.Batch input = inputs.batch(rows, 0, batch, true);
            NDArray logits = network.forward(manager, input.elements(), input.last(), batch, input.length(), true,
                    dropoutRandom);
            return loss(manager, logits, truth, classWeights);
        }, seed, updater);
    }

    /** Class-weighted cross-entropy: the weighted mean of -log p(true class), as PyTorch's with weights. */
    private static NDArray loss(NDManager manager, NDArray logits, int[] truth, double[] classWeights) {
        int classes = classWeights.length;
        float[] weighted = new float[truth.length * classes];
        double total = 0;
        for (int b = 0; b < truth.length; b++) {
            weighted[b * classes + truth[b]] = (float) classWeights[truth[b]];
            total += classWeights[truth[b]];
        }
        NDArray target = manager.create(weighted, new Shape(truth.length, classes));
        return logits.logSoftmax(1).mul(target).sum().neg().div((float) total);
    }

    /** Mean weighted loss over the validation sequences, without gradients. */
    private double evaluate(ClassifierNetwork network, ClassifierInputs inputs, float[] rows, int[] truth,
            double[] classWeights, int[] indexes, NDManager manager) {
        double sum = 0;
        double weights = 0;
        int size = inputs.rowSize();
        int chunk = training.batchSize();
        for (int from = 0; from < indexes.length; from += chunk) {
            int n = Math.min(chunk, indexes.length - from);
            float[] chunkRows = new float[n * size];
            int[] chunkTruth = new int[n];
            double chunkWeight = 0;
            for (int k = 0; k < n; k++) {
                System.arraycopy(rows, indexes[from + k] * size, chunkRows, k * size, size);
                chunkTruth[k] = truth[indexes[from + k]];
                chunkWeight += classWeights[chunkTruth[k]];
            }
            try (NDScope ignored = new NDScope()) {
                ClassifierInputs.Batch input = inputs.batch(chunkRows, 0, n, true);
                NDArray logits = network.forward(manager, input.elements(), input.last(), n, input.length(), false,
                        null);
                sum += loss(manager, logits, chunkTruth, classWeights).getFloat() * chunkWeight;
                weights += chunkWeight;
            }
        }
        return weights == 0 ? 0 : sum / weights;
    }
}
