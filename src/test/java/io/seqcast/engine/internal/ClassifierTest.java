package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.ClassificationMetrics;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.Prediction;
import io.seqcast.engine.Task;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The character-level classifier on real words of six languages (src/test/resources/words, bench/words). */
class ClassifierTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static List<LabelledSequence> test;
    private static Classifier trained;

    @BeforeAll
    static void train() throws IOException {
        ClassificationData data = words("small-train.csv");
        test = words("small-test.csv").sequences();
        trained = ENGINE.trainClassifier(data, Defaults.classifierSpec(data), TrainingSpec.builder()
                .epochs(Defaults.CLASSIFIER_EPOCHS).batchSize(Defaults.CLASSIFIER_BATCH_SIZE)
                .earlyStoppingPatience(Defaults.CLASSIFIER_PATIENCE).validationFraction(0.1).build(),
                TrainingListener.NONE);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    static ClassificationData words(String file) throws IOException {
        List<LabelledSequence> sequences = new ArrayList<>();
        try (InputStream in = ClassifierTest.class.getResourceAsStream("/words/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",");
                sequences.add(new LabelledSequence(null, cells[0], null, cells[1]));
            }
        }
        return new ClassificationData(List.of(ClassificationData.CHARACTERS), sequences);
    }

    @Test
    void itTellsTheLanguageOfHeldOutWordsFarBetterThanChance() {
        List<Prediction> predictions = trained.classify(test, 3);
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += predictions.get(i).labels().get(0).label().equals(test.get(i).label()) ? 1 : 0;
            assertThat(predictions.get(i).labels()).hasSize(3);
            assertThat(predictions.get(i).labels().get(0).probability())
                    .isGreaterThanOrEqualTo(predictions.get(i).labels().get(1).probability());
        }
        // Six balanced languages: chance is 1/6; the peers reach 0.73 (LSTM) and 0.83 (naive Bayes).
        assertThat((double) right / test.size()).isGreaterThan(0.5);
        ClassificationMetrics metrics = trained.manifest().classifier().metrics();
        assertThat(metrics.labels()).containsExactly("english", "french", "german", "italian", "polish", "spanish");
        assertThat(metrics.sequences()).isEqualTo(90);
        assertThat(metrics.accuracy()).isGreaterThan(0.4);
        assertThat(metrics.classes()).allSatisfy(c -> assertThat(c.support()).isEqualTo(15));
        assertThat(trained.manifest().taskOrDefault()).isEqualTo(Task.CLASSIFICATION);
        // Trained from the forecasters' default spec: the manifest still says what the classifier trained with.
        assertThat(trained.manifest().training().loss()).isEqualTo(io.seqcast.engine.LossType.CROSS_ENTROPY);
        assertThat(trained.classifyWork(10)).isEqualTo(10 * trained.classifyWork(1)).isPositive();
    }

    @Test
    void probabilitiesDoNotDependOnWhatSharesTheBatchOrOnSavingAndLoading(@TempDir Path dir) {
        List<LabelledSequence> some = test.subList(0, 9);
        float[] together = trained.pass(trained.encode(some), some.size());
        trained.save(dir);
        try (Classifier loaded = ENGINE.loadClassifier(dir)) {
            for (int i = 0; i < some.size(); i++) {
                float[] alone = loaded.pass(loaded.encode(List.of(some.get(i))), 1);
                for (int c = 0; c < alone.length; c++) {
                    assertThat(alone[c]).isEqualTo(together[i * alone.length + c]);
                }
            }
        }
        assertThatThrownBy(() -> ENGINE.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("classifier");
    }

    @Test
    void unknownCharactersAndOverlongTextsAreReadButNumbersAreRefused() {
        String overlong = "ż".repeat(200);
        assertThat(trained.classify(List.of(new LabelledSequence("x", "日本語", null, null),
                new LabelledSequence("y", overlong, null, null)), 1)).hasSize(2);
        assertThatThrownBy(() -> trained.encode(List.of(new LabelledSequence("z", null, new float[][] {{1}}, null))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("sequences[0].text"));
    }

    @Test
    void theValidationSplitKeepsEveryClassInItsProportionAndRareClassesWeighMore() {
        int[] truth = new int[100];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i < 80 ? 0 : 1;
        }
        int[][] split = ClassifierTraining.stratifiedSplit(truth, 2, 0.1, new SplittableRandom(1));
        assertThat(split[1]).hasSize(10);
        assertThat(java.util.Arrays.stream(split[1]).filter(i -> truth[i] == 1).count()).isEqualTo(2);
        double[] weights = ClassifierTraining.classWeights(truth, split[0], 2);
        assertThat(weights[1] / weights[0]).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weights[0] + weights[1]).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void numericSequencesWithLabelsAreClassifiedToo() {
        SplittableRandom random = new SplittableRandom(5);
        List<LabelledSequence> sequences = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean rising = i % 2 == 0;
            int length = 5 + random.nextInt(10);
            float[][] values = new float[length][1];
            for (int t = 0; t < length; t++) {
                values[t][0] = (float) ((rising ? t : -t) + random.nextGaussian() * 0.5);
            }
            sequences.add(new LabelledSequence(null, null, values, rising ? "up" : "down"));
        }
        ClassificationData data = new ClassificationData(List.of("value"), sequences);
        try (Classifier classifier = ENGINE.trainClassifier(data, new ClassifierSpec(
                io.seqcast.engine.CellType.GRU, 1, 16, 1, 0, 16), TrainingSpec.builder().epochs(20).batchSize(16)
                .learningRate(0.01).build(), TrainingListener.NONE)) {
            assertThat(classifier.manifest().classifier().metrics().accuracy()).isGreaterThan(0.9);
        }
    }
}
