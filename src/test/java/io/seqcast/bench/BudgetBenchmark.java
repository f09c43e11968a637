package io.seqcast.bench;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long a forecast at the default work budget (seqcast.forecasting.max-work) takes, for model
 * shapes from tiny to large, and at several roll-out lengths: the budget should cost about the same CPU
 * whatever the shape (0.17 to 0.53 s at 3e9 on the reference machine, so up to about 2 s at the default
 * 1e10). Arguments: [budget, default 1e10, the default max-work] [repetitions, default 3].
 * Prints, per case, the median wall time of the repetitions (one thread, as the service runs).
 */
public final class BudgetBenchmark {

    private BudgetBenchmark() {}

    public static void main(String[] args) {
        long budget = args.length > 0 ? (long) Double.parseDouble(args[0]) : 10_000_000_000L;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<ModelSpec> shapes = List.of(
                new ModelSpec(CellType.RNN, 4, 1, 0, 6, 1),
                new ModelSpec(CellType.LSTM, 32, 1, 0, 24, 1),
                new ModelSpec(CellType.LSTM, 64, 2, 0, 48, 12),
                new ModelSpec(CellType.GRU, 256, 2, 0, 168, 24));
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 100_000)) {
            System.out.printf("budget %,d; median of %d runs%n", budget, repetitions);
            System.out.println("cell hidden x layers window horizon | roll-out passes | series | work | ms | work/s");
            for (ModelSpec spec : shapes) {
                try (ForecastModel model = train(engine, spec)) {
                    for (int passes : new int[] {1, 8, 64}) {
                        int horizon = spec.horizon() * passes;
                        long perSeries = model.forecastWork(1, horizon);
                        int series = (int) Math.min(100_000, budget / perSeries);
                        if (series < 1) {
                            System.out.printf("%s %d x %d %d %d | %d | one series exceeds the budget%n", spec.cell(),
                                    spec.hiddenSize(), spec.layers(), spec.window(), spec.horizon(), passes);
                            continue;
                        }
                        List<float[][]> histories = histories(series, spec.window());
                        List<Double> millis = new ArrayList<>();
                        for (int r = 0; r < repetitions; r++) {
                            long start = System.nanoTime();
                            model.forecast(histories, horizon);
                            millis.add((System.nanoTime() - start) / 1e6);
                        }
                        Collections.sort(millis);
                        double median = millis.get(millis.size() / 2);
                        long work = model.forecastWork(series, horizon);
                        System.out.printf("%s %d x %d %d %d | %d | %,d | %,d | %.0f | %.2e%n", spec.cell(),
                                spec.hiddenSize(), spec.layers(), spec.window(), spec.horizon(), passes, series, work,
                                median, work / (median / 1000));
                    }
                }
            }
        }
    }

    private static ForecastModel train(DjlSequenceEngine engine, ModelSpec spec) {
        int length = spec.window() + spec.horizon() + 40;
        float[][] values = new float[length][1];
        for (int t = 0; t < length; t++) {
            values[t][0] = (float) Math.sin(t * 0.3);
        }
        return engine.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1), spec,
                TrainingSpec.builder().epochs(1).validationFraction(0).networkOnly(true).members(1).build(), TrainingListener.NONE);
    }

    private static List<float[][]> histories(int series, int window) {
        List<float[][]> histories = new ArrayList<>(series);
        for (int s = 0; s < series; s++) {
            float[][] values = new float[window][1];
            for (int t = 0; t < window; t++) {
                values[t][0] = (float) Math.sin((t + s) * 0.3) + 2;
            }
            histories.add(values);
        }
        return histories;
    }
}
