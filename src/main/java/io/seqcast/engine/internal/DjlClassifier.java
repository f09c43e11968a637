package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A trained classifier network with its inputs' encoding, owning the native memory of its parameters. */
final class DjlClassifier implements Classifier {

    private final ModelManifest manifest;
    private final ClassifierNetwork network;
    private final ClassifierInputs inputs;
    private final NDManager manager;
    private final NativeContext context;
    private final long parameterBytes;
    private final int classes;
    /** Multiply-adds of one sequence read to the longest length, embedding and head included. */
    private final long perRow;
    private final CallsInFlight calls = new CallsInFlight();

    /** Texts: the built-in n-gram baseline, blended with the network by the manifest's weight; else null. */
    private final NgramBayes bayes;

    DjlClassifier(ModelManifest manifest, ClassifierNetwork network, ClassifierInputs inputs, NgramBayes bayes,
            NDManager manager, NativeContext context) {
        this.manifest = manifest;
        this.bayes = bayes;
        this.network = network;
        this.inputs = inputs;
        this.manager = manager;
        this.context = context;
        this.classes = manifest.classifier().labels().size();
        this.perRow = Costs.classifierWorkPerSequence(manifest.classifier().spec(), inputs.text(), inputs.inputs());
        this.parameterBytes = network.parameters().stream().mapToLong(p -> p.getArray().size()).sum() * Float.BYTES
                + (bayes == null ? 0 : bayes.bytes());
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public long parameterBytes() {
        return parameterBytes;
    }

    @Override
    public float[] encode(List<LabelledSequence> sequences) {
        return inputs.encode(sequences);
    }

    /** Class probabilities of each row; at least {@link DjlForecastModel#MIN_PASS_WINDOWS} rows per call. */
    @Override
    public float[] pass(float[] input, int rows) {
        int padded = Math.max(rows, DjlForecastModel.MIN_PASS_WINDOWS);
        float[] full = rows == padded ? input : Arrays.copyOf(input, padded * passInputSize());
        for (int i = rows; i < padded; i++) {
            full[i * passInputSize()] = 1; // a padding row of one (padding) element
        }
        float[] output;
        calls.enter();
        try {
            context.prepareInferenceThread();
            try (NDManager scope = manager.newSubManager()) {
                ClassifierInputs.Batch batch = inputs.batch(full, 0, padded, true);
                output = network.forward(scope, batch.elements(), batch.last(), padded, batch.length(), false, null)
                        .softmax(1).toFloatArray();
            }
        } finally {
            calls.exit();
        }
        blend(output, full, padded);
        return rows == padded ? output : Arrays.copyOf(output, rows * classes);
    }

    /** The network's probabilities mixed with the n-gram baseline's, row by row. */
    private void blend(float[] network, float[] rows, int count) {
        double weight = manifest.classifier().networkWeight();
        if (bayes == null || weight >= 1) {
            return;
        }
        double[] baseline = new double[count * classes];
        bayes.probabilities(rows, passInputSize(), count, baseline);
        for (int i = 0; i < network.length; i++) {
            network[i] = (float) (weight * network[i] + (1 - weight) * baseline[i]);
        }
    }

    @Override
    public long classifyWork(int rows) {
        return Costs.times(rows, perRow);
    }

    @Override
    public int passInputSize() {
        return inputs.rowSize();
    }

    @Override
    public int passOutputSize() {
        return classes;
    }

    @Override
    public List<Prediction> decode(float[] output, int rows, int top) {
        List<String> labels = manifest.classifier().labels();
        int shown = Math.max(1, Math.min(top, classes));
        List<Prediction> predictions = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Integer[] order = new Integer[classes];
            for (int c = 0; c < classes; c++) {
                order[c] = c;
            }
            int at = r * classes;
            Arrays.sort(order, (a, b) -> Float.compare(output[at + b], output[at + a]));
            List<Prediction.LabelProbability> best = new ArrayList<>(shown);
            for (int k = 0; k < shown; k++) {
                best.add(new Prediction.LabelProbability(labels.get(order[k]), output[at + order[k]]));
            }
            predictions.add(new Prediction(best));
        }
        return predictions;
    }

    @Override
    public void save(Path directory) {
        calls.enter();
        try {
            ManifestFiles.save(directory, manifest, network::save,
                    bayes == null ? Map.of() : Map.of(NgramBayes.FILE, bayes::write));
        } finally {
            calls.exit();
        }
    }

    @Override
    public void close() {
        calls.close(manager::close);
    }
}
