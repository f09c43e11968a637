package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.RollOut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A trained network with its scaling, owning the native memory of its parameters. */
final class DjlForecastModel implements ForecastModel {

    static final String PARAMETERS_FILE = "parameters.bin";

    /**
     * Windows per native forward call. Bounds the memory one request takes at once, and keeps the
     * recurrent matrices in cache: on the 2-core reference machine an LSTM 2 x 64 ran 25,800 series/s
     * in batches of 64 but 8,500 in one batch of 512 (bench/README.md).
     */
    private static final int MAX_BATCH = 64;

    /**
     * Fewest windows per native call. libtorch's CPU kernels take another path for 1 to 3 rows, whose
     * results differ in the last bits from those of the same windows in a larger batch (bench/README.md);
     * padding keeps a window's forecast independent of what else shares its batch.
     */
    static final int MIN_PASS_WINDOWS = 4;

    private final ModelManifest manifest;
    private final Ensemble network;
    private final NDManager manager;
    private final Scaling scaling;
    private final NativeContext context;
    private final long parameterBytes;
    /** One pass of every network over one window, each over the steps it reads: fixed, so not summed per request. */
    private final long networkWorkPerPass;
    /** Null: the network alone (a manifest from before blends; trajectories; a model trained networkOnly). */
    private final ForecastBlend blend;
    private final FitCache fits = new FitCache();
    private final CallsInFlight calls = new CallsInFlight();
    /** What the backtest scored, saved with a freshly trained model; null once loaded (read only to compare). */
    private final BacktestCases cases;

    DjlForecastModel(ModelManifest manifest, Ensemble network, NDManager manager, NativeContext context) {
        this(manifest, network, manager, context, null);
    }

    DjlForecastModel(ModelManifest manifest, Ensemble network, NDManager manager, NativeContext context,
            BacktestCases cases) {
        this.manifest = manifest;
        this.cases = cases;
        this.network = network;
        this.manager = manager;
        this.scaling = Scaling.of(manifest.normalization(), manifest.seasonalPeriod(), manifest.spec().window());
        this.context = context;
        this.parameterBytes = network.parameters().stream().mapToLong(p -> p.getArray().size()).sum() * Float.BYTES;
        long perPass = 0;
        for (int lookback : network.lookbacks()) {
            perPass = Costs.plus(perPass, Costs.workPerWindow(manifest.spec(), scaling.features(), lookback));
        }
        this.networkWorkPerPass = perPass;
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
        boolean runsNetwork = blend == null || blend.members().contains(ForecastBlend.NETWORK);
        long network = !runsNetwork ? 0 : Costs.times(Costs.times(series, passes), networkWorkPerPass);
        return Costs.plus(network, Costs.times(Costs.times(series, scaling.features()),
                Costs.baselineWork(blend, manifest.seasonalPeriod(), scaling.smoothed())));
    }

    @Override
    public List<float[][]> forecast(List<float[][]> histories, int horizon, Duration timeout) {
        RollOut rollOut = rollOut(histories, horizon, timeout);
        runHere(rollOut);
        return rollOut.result();
    }

    @Override
    public RollOut rollOut(List<float[][]> histories, int horizon, Duration timeout) {
        if (horizon < 1 || horizon > context.maxHorizon()) {
            throw new InvalidInputException("horizon",
                    "horizon must be between 1 and " + context.maxHorizon() + ", was " + horizon);
        }
        InputChecks.checkHistories(histories, scaling.features(), manifest.spec().window());
        if (calls.closed()) {
            throw new IllegalStateException("model is closed");
        }
        boolean network = blend == null || blend.members().contains(ForecastBlend.NETWORK);
        return new NetworkRollOut(histories, horizon, network, timeout);
    }

    /** The network's forecast alone, whatever the blend: for ablations that compare the two. */
    List<float[][]> networkForecast(List<float[][]> histories, int horizon) {
        NetworkRollOut rollOut = new NetworkRollOut(histories, horizon, true, null);
        runHere(rollOut);
        return List.of(rollOut.forecasts);
    }

    /** Runs a roll-out's passes on this thread, in chunks of {@link #MAX_BATCH} windows. */
    private void runHere(RollOut rollOut) {
        for (int windows = rollOut.windows(); windows > 0; windows = rollOut.windows()) {
            rollOut.accept(passInChunks(rollOut.input(), windows));
        }
    }

    @Override
    public float[] pass(float[] input, int windows) {
        float[] padded = windows >= MIN_PASS_WINDOWS ? input
                : Arrays.copyOf(input, MIN_PASS_WINDOWS * passInputSize());
        float[] output;
        calls.enter();
        try {
            context.prepareInferenceThread();
            output = network.predict(manager, padded, Math.max(windows, MIN_PASS_WINDOWS));
        } finally {
            calls.exit();
        }
        return windows >= MIN_PASS_WINDOWS ? output : Arrays.copyOf(output, windows * passOutputSize());
    }

    @Override
    public int passInputSize() {
        return manifest.spec().window() * scaling.features();
    }

    @Override
    public int passOutputSize() {
        return manifest.spec().horizon() * scaling.features();
    }

    private float[] passInChunks(float[] input, int windows) {
        if (windows <= MAX_BATCH) {
            return pass(input, windows);
        }
        int in = passInputSize();
        int out = passOutputSize();
        float[] output = new float[windows * out];
        for (int from = 0; from < windows; from += MAX_BATCH) {
            int count = Math.min(MAX_BATCH, windows - from);
            float[] chunk = pass(Arrays.copyOfRange(input, from * in, (from + count) * in), count);
            System.arraycopy(chunk, 0, output, from * out, count * out);
        }
        return output;
    }

    /**
     * Direct forecast of up to the model's horizon, fed back in as input until {@code horizon} is covered,
     * then blended with the baselines the model chose.
     */
    private final class NetworkRollOut implements RollOut {
        private final List<float[][]> histories;
        private final int horizon;
        private final Duration timeout;
        private final long deadline;
        private final float[][][] windows;
        private final float[][][] forecasts;
        private final Scaling.Reference[] references;
        /** Per history, exponential smoothing's states at its end per feature, where the network reads them. */
        private final Decomposition[][] smoothing;
        private int produced;

        NetworkRollOut(List<float[][]> histories, int horizon, boolean network, Duration timeout) {
            this.histories = histories;
            this.horizon = horizon;
            this.timeout = timeout;
            this.deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
            int n = histories.size();
            int window = manifest.spec().window();
            this.windows = new float[n][][];
            this.forecasts = network ? new float[n][horizon][] : null;
            this.references = new Scaling.Reference[n];
            this.smoothing = network && scaling.smoothed() ? new Decomposition[n][] : null;
            for (int i = 0; i < n; i++) {
                float[][] history = histories.get(i);
                windows[i] = Arrays.copyOfRange(history, history.length - window, history.length);
                if (smoothing != null) {
                    checkTime();
                    smoothing[i] = states(history);
                }
            }
            this.produced = network ? 0 : horizon;
        }

        @Override
        public int windows() {
            return produced < horizon ? windows.length : 0;
        }

        @Override
        public float[] input() {
            checkTime();
            int size = passInputSize();
            float[] input = new float[windows.length * size];
            for (int i = 0; i < windows.length; i++) {
                references[i] = scaling.encodeWindow(windows[i], 0, windows[i].length, input, i * size,
                        smoothing == null ? null : smoothing[i], produced);
            }
            return input;
        }

        @Override
        public void accept(float[] output) {
            int step = manifest.spec().horizon();
            int size = passOutputSize();
            int take = Math.min(step, horizon - produced);
            for (int i = 0; i < windows.length; i++) {
                float[][] steps = scaling.decodeSteps(output, i * size, step, references[i]);
                System.arraycopy(steps, 0, forecasts[i], produced, take);
                if (produced + step < horizon) {
                    windows[i] = shift(windows[i], steps);
                }
            }
            produced += step;
        }

        @Override
        public List<float[][]> result() {
            if (produced < horizon) {
                throw new IllegalStateException("the roll-out has passes left");
            }
            List<float[][]> out = new ArrayList<>(histories.size());
            for (int i = 0; i < histories.size(); i++) {
                checkTime();
                out.add(floored(histories.get(i), blend == null ? forecasts[i] : Blending.combine(blend, histories.get(i),
                        forecasts == null ? null : forecasts[i], manifest.seasonalPeriod(), horizon, fits)));
            }
            return out;
        }

        /** Smoothing's states at the end of one history, per feature; the blend's baselines reuse the fits. */
        private Decomposition[] states(float[][] history) {
            Decomposition[] states = new Decomposition[history[0].length];
            for (int f = 0; f < states.length; f++) {
                states[f] = fits.fit(Blending.column(history, 0, history.length, f), manifest.seasonalPeriod()).decomposition();
            }
            return states;
        }

        /** A feature never negative in training nor in the history is not forecast negative either. */
        private float[][] floored(float[][] history, float[][] forecast) {
            for (int f = 0; f < forecast[0].length; f++) {
                if (FeatureScaling.floorsAtZero(manifest.normalization(), history, f)) {
                    for (float[] step : forecast) {
                        step[f] = Math.max(0, step[f]);
                    }
                }
            }
            return forecast;
        }

        private void checkTime() {
            if (timeout != null && System.nanoTime() - deadline > 0) {
                throw new ForecastTimeoutException(timeout);
            }
        }
    }

    private static float[][] shift(float[][] window, float[][] next) {
        float[][] shifted = new float[window.length][];
        int keep = Math.max(0, window.length - next.length);
        System.arraycopy(window, window.length - keep, shifted, 0, keep);
        System.arraycopy(next, next.length - (window.length - keep), shifted, keep, window.length - keep);
        return shifted;
    }

    @Override
    public void save(Path directory) {
        calls.enter();
        try {
            ManifestFiles.save(directory, manifest, network::save,
                    cases == null ? Map.of() : Map.of(BacktestCases.FILE, cases::write));
        } finally {
            calls.exit();
        }
    }

    /** Waits for the calls in flight to finish, then frees the parameters; later calls are refused. */
    @Override
    public void close() {
        calls.close(manager::close);
    }
}
