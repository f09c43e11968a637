package io.seqcast.engine.internal;

import io.seqcast.engine.CellType;
import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.ClassificationMetrics;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.Prediction;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The character classifier with its defaults on a train/test split of words by language (bench/words), as
 * the peers in bench/peers are run: accuracy and macro-F1 on the test words, training time and time per
 * epoch. Usage: ClassifierBenchmark train.csv test.csv
 */
public final class ClassifierBenchmark {

    public static void main(String[] args) throws Exception {
        ClassificationData train = read(Path.of(args[0]));
        List<LabelledSequence> test = read(Path.of(args[1])).sequences();
        // Settings other than the defaults, for experiments: -Dlr=0.002 -Dhidden=64 -Dembedding=16 -Ddropout=0.2
        // -Dlayers=2 -Dcell=GRU -Dpatience=5 -Dbatch=32
        TrainingSpec training = TrainingSpec.builder().epochs(Defaults.CLASSIFIER_EPOCHS)
                .batchSize(Integer.getInteger("batch", Defaults.CLASSIFIER_BATCH_SIZE))
                .earlyStoppingPatience(Integer.getInteger("patience", Defaults.CLASSIFIER_PATIENCE))
                .learningRate(Double.parseDouble(System.getProperty("lr", String.valueOf(Defaults.LEARNING_RATE))))
                .validationFraction(0.1).build();
        ClassifierSpec defaults = Defaults.classifierSpec(train);
        ClassifierSpec spec = new ClassifierSpec(CellType.valueOf(System.getProperty("cell", defaults.cell().name())),
                Integer.getInteger("embedding", defaults.embedding()), Integer.getInteger("hidden", defaults.hiddenSize()),
                Integer.getInteger("layers", defaults.layers()),
                Double.parseDouble(System.getProperty("dropout", String.valueOf(defaults.dropout()))), defaults.maxLength());
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64)) {
            long started = System.nanoTime();
            try (Classifier classifier = engine.trainClassifier(train, spec, training,
                    TrainingListener.NONE)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                int epochs = classifier.manifest().summary().epochsRun();
                long predictStarted = System.nanoTime();
                List<Prediction> predictions = new ArrayList<>();
                for (int from = 0; from < test.size(); from += 64) {
                    predictions.addAll(classifier.classify(test.subList(from, Math.min(test.size(), from + 64)), 1));
                }
                double predictSeconds = (System.nanoTime() - predictStarted) / 1e9;
                List<String> labels = classifier.manifest().classifier().labels();
                int[] truth = new int[test.size()];
                int[] predicted = new int[test.size()];
                for (int i = 0; i < test.size(); i++) {
                    truth[i] = labels.indexOf(test.get(i).label());
                    predicted[i] = labels.indexOf(predictions.get(i).labels().get(0).label());
                }
                ClassificationMetrics metrics = ClassificationMetrics.of(labels, truth, predicted);
                System.out.printf(Locale.ROOT, "{\"peer\": \"seqcast (DJL %s, %s %d x %d, embedding %d, lr %s)\", \"accuracy\": %.4f,"
                        + " \"macro_f1\": %.4f, \"train_seconds\": %.1f, \"seconds_per_epoch\": %.2f, \"epochs\": %d,"
                        + " \"best_epoch\": %d, \"predict_seconds\": %.2f, \"test\": %d, \"classes\": %d, \"network_weight\": %.2f,"
                        + " \"validation_accuracy\": \"%s\"}%n",
                        classifier.manifest().engine().djlVersion(), spec.cell(), spec.layers(), spec.hiddenSize(),
                        spec.embedding(), training.learningRate(), metrics.accuracy(), metrics.macroF1(),
                        seconds, seconds / epochs, epochs, classifier.manifest().summary().bestEpoch(), predictSeconds,
                        test.size(), labels.size(), classifier.manifest().classifier().networkWeight(),
                        classifier.manifest().classifier().validationAccuracy());
            }
        }
    }

    private static ClassificationData read(Path file) throws Exception {
        List<LabelledSequence> sequences = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            sequences.add(new LabelledSequence(null, cells[0], null, cells[1]));
        }
        return new ClassificationData(List.of(ClassificationData.CHARACTERS), sequences);
    }
}
