package io.seqcast.bench;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.Defaults;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.file.Path;
import java.util.List;

/**
 * MASE of the default settings on every real series of bench/data, against the seasonal naive
 * forecast, over several seeds. Run by bench/run.sh. Arguments: [data directory, default bench/data]
 * [seeds, default 3]. System properties {@code window}, {@code hidden}, {@code epochs}, {@code lr},
 * {@code patience}, {@code vf}, {@code batch}, {@code loss}, {@code layers}, {@code cell} override a default, for tuning.
 */
public final class DefaultsBenchmark {

    private DefaultsBenchmark() {}

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "bench/data");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainingSpec.Builder training = TrainingSpec.builder();
        if (System.getProperty("epochs") != null) {
            training.epochs(Integer.getInteger("epochs"));
        }
        if (System.getProperty("patience") != null) {
            training.earlyStoppingPatience(Integer.getInteger("patience"));
        }
        if (System.getProperty("vf") != null) {
            training.validationFraction(Double.parseDouble(System.getProperty("vf")));
        }
        if (System.getProperty("batch") != null) {
            training.batchSize(Integer.getInteger("batch"));
        }
        if (System.getProperty("loss") != null) {
            training.loss(io.seqcast.engine.LossType.valueOf(System.getProperty("loss")));
        }
        if (System.getProperty("lr") != null) {
            training.learningRate(Double.parseDouble(System.getProperty("lr")));
        }
        System.out.printf("%-15s %5s %7s %6s %9s %9s %9s %7s%n", "series", "m", "points", "window", "model", "snaive",
                "ratio", "sec");
        double sumLogRatio = 0;
        int wins = 0;
        List<RealSeries> all = RealSeries.all(directory);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            for (RealSeries series : all) {
                ModelSpec spec = override(Defaults.spec(series.trainingData(), modelHorizon(series)));
                double mase = 0;
                long started = System.nanoTime();
                for (int seed = 0; seed < seeds; seed++) {
                    try (ForecastModel model = engine.train(series.trainingData(), spec,
                            training.seed(42 + seed).build(), TrainingListener.NONE)) {
                        mase += series.mase(model.forecast(List.<float[][]>of(series.training()), series.heldOut())
                                .get(0));
                    }
                }
                mase /= seeds;
                double naive = series.mase(series.seasonalNaive());
                double ratio = mase / naive;
                sumLogRatio += Math.log(ratio);
                wins += ratio < 1 ? 1 : 0;
                System.out.printf("%-15s %5d %7d %6d %9.3f %9.3f %9.3f %7.1f%n", series.name(), series.seasonalPeriod(),
                        series.values().length, spec.window(), mase, naive, ratio,
                        (System.nanoTime() - started) / 1e9 / seeds);
            }
        }
        System.out.printf("geometric mean ratio %.3f, beats seasonal naive on %d of %d series%n",
                Math.exp(sumLogRatio / all.size()), wins, all.size());
    }

    /**
     * The horizon the model is trained for: one season for seasonal series (the held-out second season
     * is rolled out), all held-out points otherwise; {@code -Dhorizon=all} trains for all held-out points.
     */
    private static int modelHorizon(RealSeries series) {
        boolean all = "all".equals(System.getProperty("horizon"));
        return series.seasonalPeriod() > 1 && !all ? series.seasonalPeriod() : series.heldOut();
    }

    private static ModelSpec override(ModelSpec spec) {
        return new ModelSpec(
                System.getProperty("cell") == null ? spec.cell() : CellType.valueOf(System.getProperty("cell")),
                Integer.getInteger("hidden", spec.hiddenSize()), Integer.getInteger("layers", spec.layers()),
                spec.dropout(), Integer.getInteger("window", spec.window()), spec.horizon());
    }
}
