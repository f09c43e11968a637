package io.seqcast.bench;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.LabelledSequence;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The pre-flight check's time estimate against real training, per epoch (the estimate assumes every epoch;
 * early stopping may end sooner): the real series of bench/data, a global model of 30 monthly series, and
 * the words classifier. Usage: EstimateBenchmark bench/data src/test/resources/words/small-train.csv
 */
public final class EstimateBenchmark {

    public static void main(String[] args) throws Exception {
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            System.out.printf("%-16s %12s %12s %8s%n", "data", "estimated s", "actual s", "ratio");
            List<SequenceData> sets = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (RealSeries series : RealSeries.all(Path.of(args[0]))) {
                if (series.features().size() == 1) {
                    sets.add(SequenceData.univariate(List.of(new Sequence(series.name(), series.values())),
                            series.seasonalPeriod()));
                    names.add(series.name());
                }
            }
            List<Sequence> monthly = new ArrayList<>();
            for (int s = 0; s < 30; s++) {
                float[][] values = new float[300][1];
                Random random = new Random(s);
                for (int t = 0; t < 300; t++) {
                    values[t][0] = (float) (100 + 10 * s + 20 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian() * 3);
                }
                monthly.add(new Sequence("s" + s, values));
            }
            sets.add(SequenceData.univariate(monthly, 12));
            names.add("30 x 300 monthly");
            for (int i = 0; i < sets.size(); i++) {
                SequenceData data = sets.get(i);
                ModelSpec spec = Defaults.spec(data, Math.max(1, data.seasonalPeriod()));
                TrainingSpec training = TrainingSpec.builder().epochs(30).earlyStoppingPatience(0).networkOnly(true).build();
                double estimate = engine.estimateTrainingSeconds(data, spec, training);
                long started = System.nanoTime();
                try (ForecastModel model = engine.train(data, spec, training, TrainingListener.NONE)) {
                    report(names.get(i), estimate, (System.nanoTime() - started) / 1e9);
                }
            }
            List<LabelledSequence> words = new ArrayList<>();
            List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                words.add(new LabelledSequence(null, line.split(",")[0], null, line.split(",")[1]));
            }
            ClassificationData data = new ClassificationData(List.of(ClassificationData.CHARACTERS), words);
            TrainingSpec training = TrainingSpec.builder().epochs(10).batchSize(Defaults.CLASSIFIER_BATCH_SIZE)
                    .earlyStoppingPatience(0).build();
            double estimate = engine.estimateClassifierSeconds(data, Defaults.classifierSpec(data), training);
            long started = System.nanoTime();
            try (Classifier classifier = engine.trainClassifier(data, Defaults.classifierSpec(data), training,
                    TrainingListener.NONE)) {
                report("words (900)", estimate, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void report(String name, double estimate, double actual) {
        System.out.printf(Locale.ROOT, "%-16s %12.2f %12.2f %8.2f%n", name, estimate, actual, actual / estimate);
    }
}
