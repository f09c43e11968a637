package io.seqcast.engine;

import java.nio.file.Path;

/** An engine that does what the given one does, for tests to slow one step down. */
public class DelegatingEngine implements SequenceEngine {
    private final SequenceEngine delegate;

    public DelegatingEngine(SequenceEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public EngineInfo info() {
        return delegate.info();
    }

    @Override
    public void check(SequenceData data, ModelSpec spec, TrainingSpec training) {
        delegate.check(data, spec, training);
    }

    @Override
    public long estimateTrainingBytes(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return delegate.estimateTrainingBytes(data, spec, training);
    }

    @Override
    public ForecastModel train(SequenceData data, ModelSpec spec, TrainingSpec training, TrainingListener listener) {
        return delegate.train(data, spec, training, listener);
    }

    @Override
    public void checkClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        delegate.checkClassifier(data, spec, training);
    }

    @Override
    public long estimateClassifierBytes(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        return delegate.estimateClassifierBytes(data, spec, training);
    }

    @Override
    public Classifier trainClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training,
            TrainingListener listener) {
        return delegate.trainClassifier(data, spec, training, listener);
    }

    @Override
    public Classifier loadClassifier(Path directory) {
        return delegate.loadClassifier(directory);
    }

    @Override
    public ForecastModel load(Path directory) {
        return delegate.load(directory);
    }

    @Override
    public ModelManifest readManifest(Path directory) {
        return delegate.readManifest(directory);
    }

    @Override
    public Comparison compare(Path candidateDirectory, ForecastModel candidate, ForecastModel other) {
        return delegate.compare(candidateDirectory, candidate, other);
    }

    @Override
    public java.util.List<float[][]> storedSeries(Path directory) {
        return delegate.storedSeries(directory);
    }

    @Override
    public double estimateTrainingSeconds(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return delegate.estimateTrainingSeconds(data, spec, training);
    }

    @Override
    public int plannedEpochs(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return delegate.plannedEpochs(data, spec, training);
    }

    @Override
    public double estimateClassifierSeconds(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        return delegate.estimateClassifierSeconds(data, spec, training);
    }

    @Override
    public int maxHorizon() {
        return delegate.maxHorizon();
    }

    @Override
    public int liveNativeArrays() {
        return delegate.liveNativeArrays();
    }
}
