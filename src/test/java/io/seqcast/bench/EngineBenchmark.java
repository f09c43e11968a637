package io.seqcast.bench;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.OptimizerType;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import io.seqcast.engine.internal.ReferenceExperiments;
import java.util.ArrayList;
import java.util.List;

/**
 * Training speed and accuracy of the notes' sine LSTM, and forecast latency and throughput of an
 * LSTM 2 x 64 (window 48, horizon 12), through the engine's public API. Run by bench/run.sh, beside
 * the PyTorch peers. Arguments: [intra-op threads, default 1] [training steps, default 10000]
 * [repetitions, default 3]. This machine's timings vary by tens of percent from run to run, so each
 * figure is the median of the repetitions, with every run printed.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, threads, 1024)) {
            System.out.printf("engine %s %s djl %s device %s threads %d%n", engine.info().engine(),
                    engine.info().engineVersion(), engine.info().djlVersion(), engine.info().device(),
                    engine.info().intraOpThreads());
            sine(engine, OptimizerType.ADAM, 0.01, steps, repetitions);
            sine(engine, OptimizerType.ADAGRAD, 0.1, steps, repetitions);
            forecastLatency(engine, repetitions);
        }
    }

    /** The notes' setup: LSTM 2 x 30, window 10, batch 32, 10,000 windows; epochs cover the requested steps. */
    private static void sine(DjlSequenceEngine engine, OptimizerType optimizer, double learningRate, int steps,
            int repetitions) {
        double[] msPerStep = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            msPerStep[r] = sine(engine, optimizer, learningRate, steps);
        }
        System.out.printf("sine_%s median ms_per_step %.3f%n", optimizer.name().toLowerCase(), median(msPerStep));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One training run; returns milliseconds per optimizer step. */
    private static double sine(DjlSequenceEngine engine, OptimizerType optimizer, double learningRate, int steps) {
        int windows = ReferenceExperiments.SINE_TRAINING_POINTS;
        int stepsPerEpoch = (windows + 31) / 32;
        int epochs = Math.max(1, Math.round((float) steps / stepsPerEpoch));
        ModelSpec spec = new ModelSpec(CellType.LSTM, 30, 2, 0.0, ReferenceExperiments.SINE_WINDOW, 1);
        TrainingSpec training = TrainingSpec.builder().epochs(epochs).batchSize(32).optimizer(optimizer)
                .learningRate(learningRate).validationFraction(0).networkOnly(true).gradientClipNorm(0).loss(io.seqcast.engine.LossType.MSE)
                .seed(0).members(1).build();
        SequenceData data = SequenceData.univariate(
                List.of(new Sequence("sin", ReferenceExperiments.sineTraining())), 1);
        long started = System.nanoTime();
        try (ForecastModel model = engine.train(data, spec, training, TrainingListener.NONE)) {
            double seconds = (System.nanoTime() - started) / 1e9;
            int done = epochs * stepsPerEpoch;
            float[][] test = ReferenceExperiments.sineTest();
            List<float[][]> forecasts = model.forecast(ReferenceExperiments.windows(test, 10), 1);
            double squares = 0;
            for (int i = 0; i < forecasts.size(); i++) {
                double error = forecasts.get(i)[0][0] - test[i + 10][0];
                squares += error * error;
            }
            System.out.printf("sine_%s steps %d train_s %.2f ms_per_step %.3f test_rmse %.6f%n",
                    optimizer.name().toLowerCase(), done, seconds, seconds * 1000 / done,
                    Math.sqrt(squares / forecasts.size()));
            return seconds * 1000 / done;
        }
    }

    private static void forecastLatency(DjlSequenceEngine engine, int repetitions) {
        float[][] series = new float[600][1];
        for (int t = 0; t < series.length; t++) {
            series[t][0] = (float) Math.sin(t * 0.1);
        }
        ModelSpec spec = new ModelSpec(CellType.LSTM, 64, 2, 0.0, 48, 12);
        TrainingSpec training = TrainingSpec.builder().epochs(1).networkOnly(true).members(1).build();
        try (ForecastModel model = engine.train(SequenceData.univariate(List.of(new Sequence("s", series)), 1), spec,
                training, TrainingListener.NONE)) {
            for (int batch : new int[] {1, 8, 64, 512}) {
                List<float[][]> histories = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    float[][] window = new float[48][1];
                    for (int t = 0; t < 48; t++) {
                        window[t][0] = (float) Math.sin((i * 48 + t) * 0.1);
                    }
                    histories.add(window);
                }
                int iterations = batch >= 512 ? 200 : 2000;
                for (int i = 0; i < 200; i++) {
                    model.forecast(histories, 12);
                }
                double[] runs = new double[repetitions];
                for (int r = 0; r < repetitions; r++) {
                    long started = System.nanoTime();
                    for (int i = 0; i < iterations; i++) {
                        model.forecast(histories, 12);
                    }
                    runs[r] = (System.nanoTime() - started) / 1e3 / iterations;
                }
                double micros = median(runs);
                System.out.printf("forecast batch %d: %.1f us/call, %.0f series/s (median of %s us)%n", batch, micros,
                        batch * 1e6 / micros, java.util.Arrays.toString(java.util.Arrays.stream(runs)
                                .map(v -> Math.round(v * 10) / 10.0).toArray()));
            }
        }
    }
}
