package io.seqcast.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A model that does what the given one does, for tests to slow one step down. */
public class DelegatingModel implements ForecastModel {
    private final ForecastModel delegate;

    public DelegatingModel(ForecastModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ModelManifest manifest() {
        return delegate.manifest();
    }

    @Override
    public List<float[][]> forecast(List<float[][]> histories, int horizon, Duration timeout) {
        return delegate.forecast(histories, horizon, timeout);
    }

    @Override
    public RollOut rollOut(List<float[][]> histories, int horizon, Duration timeout) {
        return delegate.rollOut(histories, horizon, timeout);
    }

    @Override
    public float[] pass(float[] input, int windows) {
        return delegate.pass(input, windows);
    }

    @Override
    public int passInputSize() {
        return delegate.passInputSize();
    }

    @Override
    public int passOutputSize() {
        return delegate.passOutputSize();
    }

    @Override
    public long forecastWork(int series, int horizon) {
        return delegate.forecastWork(series, horizon);
    }

    @Override
    public void save(Path directory) {
        delegate.save(directory);
    }

    @Override
    public long parameterBytes() {
        return delegate.parameterBytes();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
