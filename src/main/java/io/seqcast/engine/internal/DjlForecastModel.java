package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** A trained network with its scaling, owning the native memory of its parameters. */
final class DjlForecastModel implements ForecastModel {

    static final String PARAMETERS_FILE = "parameters.bin";

    /**
     * Windows per native forward call. Bounds the memory one request takes at once, and keeps the
     * recurrent matrices in cache: on the 2-core reference machine an LSTM 2 x 64 ran 25,800 series/s
     * in batches of 64 but 8,500 in one batch of 512 (bench/README.md).
     */
    private static final int MAX_BATCH = 64;

    private final ModelManifest manifest;
    private final RecurrentNetwork network;
    private final NDManager manager;
    private final Scaling scaling;
    private final NativeContext context;
    private final long parameterBytes;
    /** Null: the network alone (a manifest from before blends, or one that chose it). */
    private final ForecastBlend blend;
    // Forecasts share the read side; close takes the write side so it never frees parameters in use.
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    DjlForecastModel(ModelManifest manifest, RecurrentNetwork network, NDManager manager, NativeContext context) {
        this.manifest = manifest;
        this.network = network;
        this.manager = manager;
        this.scaling = Scaling.of(manifest.normalization(), manifest.seasonalPeriod(), manifest.spec().window());
        this.context = context;
        this.parameterBytes = network.parameters().stream().mapToLong(p -> p.getArray().size()).sum() * Float.BYTES;
        ForecastBlend chosen = manifest.blend();
        this.blend = chosen == null || chosen.members().equals(List.of(ForecastBlend.NETWORK)) ? null : chosen;
    }

    @Override
    public long parameterBytes() {
        return parameterBytes;
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public long forecastWork(int series, int horizon) {
        long passes = (horizon + (long) manifest.spec().horizon() - 1) / manifest.spec().horizon();
        return Costs.times(Costs.times(series, passes), Costs.workPerWindow(manifest.spec(), scaling.features()));
    }

    @Override
    public List<float[][]> forecast(List<float[][]> histories, int horizon, Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        ModelSpec spec = manifest.spec();
        if (horizon < 1 || horizon > context.maxHorizon()) {
            throw new InvalidInputException("horizon",
                    "horizon must be between 1 and " + context.maxHorizon() + ", was " + horizon);
        }
        InputChecks.checkHistories(histories, scaling.features(), spec.window());
        return whileOpen(() -> {
            List<float[][]> network = blend == null || blend.members().contains(ForecastBlend.NETWORK)
                    ? network(histories, horizon, timeout, deadline) : null;
            if (blend == null) {
                return network;
            }
            List<float[][]> blended = new ArrayList<>(histories.size());
            for (int i = 0; i < histories.size(); i++) {
                if (timeout != null && System.nanoTime() - deadline > 0) {
                    throw new ForecastTimeoutException(timeout);
                }
                blended.add(Blending.combine(blend, histories.get(i), network == null ? null : network.get(i),
                        manifest.seasonalPeriod(), horizon));
            }
            return blended;
        });
    }

    /** The network's forecast alone, whatever the blend: for ablations that compare the two. */
    List<float[][]> networkForecast(List<float[][]> histories, int horizon) {
        return whileOpen(() -> network(histories, horizon, null, 0));
    }

    /** Runs {@code work} on the open model; {@link #close} waits for it to finish. */
    private <T> T whileOpen(Supplier<T> work) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("model is closed");
            }
            return work.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[][]> network(List<float[][]> histories, int horizon, Duration timeout, long deadline) {
        List<float[][]> forecasts = new ArrayList<>(histories.size());
        for (int from = 0; from < histories.size(); from += MAX_BATCH) {
            forecasts.addAll(rollOut(histories.subList(from, Math.min(histories.size(), from + MAX_BATCH)), horizon,
                    timeout, deadline));
        }
        return forecasts;
    }

    /** Direct forecast of up to the model's horizon, fed back in as input until {@code horizon} is covered. */
    private List<float[][]> rollOut(List<float[][]> histories, int horizon, Duration timeout, long deadline) {
        int window = manifest.spec().window();
        int step = manifest.spec().horizon();
        int features = scaling.features();
        int n = histories.size();
        float[][][] windows = new float[n][][];
        float[][][] forecasts = new float[n][horizon][];
        for (int i = 0; i < n; i++) {
            float[][] history = histories.get(i);
            windows[i] = Arrays.copyOfRange(history, history.length - window, history.length);
        }
        float[] input = new float[n * window * features];
        double[][] references = new double[n][];
        for (int produced = 0; produced < horizon; produced += step) {
            if (timeout != null && System.nanoTime() - deadline > 0) {
                throw new ForecastTimeoutException(timeout);
            }
            for (int i = 0; i < n; i++) {
                references[i] = scaling.encodeWindow(windows[i], 0, window, input, i * window * features);
            }
            float[] output = predict(input, n);
            int take = Math.min(step, horizon - produced);
            for (int i = 0; i < n; i++) {
                float[][] steps = scaling.decodeSteps(output, i * step * features, step, references[i]);
                System.arraycopy(steps, 0, forecasts[i], produced, take);
                if (produced + step < horizon) {
                    windows[i] = shift(windows[i], steps);
                }
            }
        }
        return List.of(forecasts);
    }

    private static float[][] shift(float[][] window, float[][] next) {
        float[][] shifted = new float[window.length][];
        int keep = Math.max(0, window.length - next.length);
        System.arraycopy(window, window.length - keep, shifted, 0, keep);
        System.arraycopy(next, next.length - (window.length - keep), shifted, keep, window.length - keep);
        return shifted;
    }

    private float[] predict(float[] input, int n) {
        context.prepareInferenceThread();
        return network.predict(manager, input, n);
    }

    @Override
    public void save(Path directory) {
        whileOpen(() -> {
            Path parameters = directory.resolve(PARAMETERS_FILE);
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(parameters, StandardOpenOption.CREATE_NEW)))) {
                network.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write model parameters", e);
            }
            ManifestFiles.force(parameters);
            ManifestFiles.write(directory, manifest.withFiles(Map.of(PARAMETERS_FILE, ManifestFiles.sha256(parameters))));
            return null;
        });
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                manager.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
