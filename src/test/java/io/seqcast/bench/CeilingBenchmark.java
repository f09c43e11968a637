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
import java.util.Arrays;
import java.util.List;

/**
 * The in-process ceiling of serving: the model bench/serving.sh serves (LSTM 2 x 64, window 48, horizon
 * 12), forecast through the engine's API on one thread, nothing else: for each batch size given after the
 * number of runs (default 64), series/s as the median of {@code args[0]} runs of 2 s.
 */
public final class CeilingBenchmark {

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] batches = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {64};
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            float[][] series = new float[600][1];
            for (int t = 0; t < series.length; t++) {
                series[t][0] = (float) Math.sin(t * 0.2);
            }
            ModelSpec spec = new ModelSpec(CellType.LSTM, 64, 2, 0.0, 48, 12);
            TrainingSpec training = TrainingSpec.builder().epochs(1).networkOnly(true).members(1).build();
            try (ForecastModel model = engine.train(SequenceData.univariate(List.of(new Sequence("s", series)), 1),
                    spec, training, TrainingListener.NONE)) {
                for (int batch : batches) {
                    List<float[][]> histories = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        histories.add(Arrays.copyOfRange(series, i, i + 48));
                    }
                    for (long until = System.nanoTime() + 2_000_000_000L; System.nanoTime() < until; ) {
                        model.forecast(histories, 12);
                    }
                    double[] rates = new double[repetitions];
                    for (int r = 0; r < repetitions; r++) {
                        long started = System.nanoTime();
                        int calls = 0;
                        while (System.nanoTime() - started < 2_000_000_000L) {
                            model.forecast(histories, 12);
                            calls++;
                        }
                        rates[r] = calls * batch / ((System.nanoTime() - started) / 1e9);
                    }
                    Arrays.sort(rates);
                    double median = rates[repetitions / 2];
                    System.out.printf("in-process batch %d: %.0f series/s, %.0f us per call (runs %s series/s)%n", batch,
                            median, batch * 1e6 / median,
                            Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
                }
            }
        }
    }
}
