package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How many multiply-adds a second this engine's recurrent layers run on this machine for a given shape,
 * measured on first use of the shape (forward passes of a throwaway network over one batch for up to
 * 0.1 s): small layers and batches run far below large ones, so one rate for every model would be off by
 * several times.
 */
final class Throughput {

    private static final long MEASURE_NANOS = 100_000_000L;
    /** Steps a probe reads at most: the rate per multiply-add hardly depends on the window's length. */
    private static final int MAX_PROBE_WINDOW = 32;
    private static final int KEPT = 32;

    record Shape(CellType cell, int hiddenSize, int layers, int inputs, int batch) {}

    private final NativeContext context;
    private final Map<Shape, Double> rates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, Double> eldest) {
            return size() > KEPT;
        }
    };

    Throughput(NativeContext context) {
        this.context = context;
    }

    synchronized double multiplyAddsPerSecond(Shape shape, int window) {
        Double known = rates.get(shape);
        if (known != null) {
            return known;
        }
        ModelSpec probe = new ModelSpec(shape.cell(), shape.hiddenSize(), shape.layers(), 0,
                Math.min(window, MAX_PROBE_WINDOW), 1);
        context.prepareInferenceThread();
        double rate;
        try (NDManager manager = context.root().newSubManager()) {
            RecurrentNetwork network = RecurrentNetwork.initialize(probe, shape.inputs(), probe.window(), manager,
                    new SplittableRandom(1));
            float[] input = new float[shape.batch() * probe.window() * shape.inputs()];
            network.predict(manager, input, shape.batch());
            long started = System.nanoTime();
            int passes = 0;
            do {
                network.predict(manager, input, shape.batch());
                passes++;
            } while (System.nanoTime() - started < MEASURE_NANOS);
            double seconds = (System.nanoTime() - started) / 1e9;
            long perWindow = Costs.workPerWindow(probe, shape.inputs()) - Costs.PER_WINDOW_OVERHEAD;
            rate = (double) passes * shape.batch() * perWindow / seconds;
        }
        rates.put(shape, rate);
        return rate;
    }
}
