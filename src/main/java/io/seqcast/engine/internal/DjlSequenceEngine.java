package io.seqcast.engine.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.Classifier;
import io.seqcast.engine.ClassifierManifest;
import io.seqcast.engine.ClassifierSpec;
import io.seqcast.engine.Comparison;
import io.seqcast.engine.NotComparableException;
import io.seqcast.engine.Task;
import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** {@link SequenceEngine} on Deep Java Library with the PyTorch engine. */
public final class DjlSequenceEngine implements SequenceEngine, AutoCloseable {

    private static final String ENGINE_NAME = "PyTorch";

    private final NativeContext context;
    private final Throughput throughput;
    private final EngineInfo info;

    /**
     * Loads libtorch and picks the device.
     *
     * @throws IllegalStateException when {@code device} is GPU and no CUDA device is usable
     */
    public DjlSequenceEngine(DeviceChoice device, int intraOpThreads, int maxHorizon) {
        Engine engine = Engine.getEngine(ENGINE_NAME);
        int gpus = engine.getGpuCount();
        if (device == DeviceChoice.GPU && gpus == 0) {
            throw new IllegalStateException("seqcast.engine.device=gpu, but libtorch " + engine.getVersion()
                    + " sees no CUDA device: install a CUDA build of libtorch (PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR,"
                    + " see README) or set seqcast.engine.device=auto or cpu");
        }
        Device chosen = device != DeviceChoice.CPU && gpus > 0 ? Device.gpu() : Device.cpu();
        JniUtils.setNumThreads(intraOpThreads);
        this.context = new NativeContext(engine.newBaseManager(chosen), intraOpThreads, maxHorizon);
        this.throughput = new Throughput(context);
        this.info = new EngineInfo(ENGINE_NAME, engine.getVersion(), Engine.getDjlVersion(), chosen.toString(),
                JniUtils.getNumThreads());
    }

    @Override
    public EngineInfo info() {
        return info;
    }

    @Override
    public void check(SequenceData data, ModelSpec spec, TrainingSpec training) {
        InputChecks.checkForecasterTraining(training);
        InputChecks.checkTrainingData(data, spec);
        Split split = Split.of(data, spec.window(), spec.horizon(), training.validationFraction());
        ScalingFit.fit(data, split.trainingEnd(), spec.window(), SmoothingStates.apply(data));
    }

    @Override
    public long estimateTrainingBytes(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return Costs.trainingBytes(data, spec, training);
    }

    @Override
    public ForecastModel train(SequenceData data, ModelSpec spec, TrainingSpec training, TrainingListener listener) {
        return new TrainingRun(data, spec, training, listener, context, info).run();
    }

    @Override
    public void checkClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        ClassifierTraining.check(data);
        ClassifierInputs.fit(data, spec.maxLength(), new int[0]).encode(data.sequences());
    }

    @Override
    public double estimateTrainingSeconds(SequenceData data, ModelSpec spec, TrainingSpec training) {
        double rate = throughput.multiplyAddsPerSecond(new Throughput.Shape(spec.cell(), spec.hiddenSize(),
                spec.layers(), data.featureCount(), training.batchSize()), spec.window());
        // Forward, backward (about twice the forward) and the update, for every epoch of every network trained,
        // each over the steps it reads; smoothing fitted once per series.
        double forward = 0;
        for (int lookback : TrainingRun.lookbacks(data, spec, training)) {
            forward += Costs.forwardWork(data, spec, lookback);
        }
        return (3.0 * forward * training.epochs() + Costs.smoothingWork(data)) / rate;
    }

    @Override
    public int plannedEpochs(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return TrainingRun.networks(data, spec, training) * training.epochs();
    }

    @Override
    public int members(SequenceData data, ModelSpec spec, TrainingSpec training) {
        return TrainingRun.members(data, spec, training);
    }

    @Override
    public double estimateClassifierSeconds(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        int inputs = data.text() ? spec.embedding() : data.features().size();
        double rate = throughput.multiplyAddsPerSecond(new Throughput.Shape(spec.cell(), spec.hiddenSize(),
                spec.layers(), inputs, training.batchSize()), spec.maxLength());
        return 3.0 * Costs.classifierForwardWork(data, spec) * training.epochs() / rate;
    }

    @Override
    public long estimateClassifierBytes(ClassificationData data, ClassifierSpec spec, TrainingSpec training) {
        return Costs.classifierBytes(data, spec, training);
    }

    @Override
    public Classifier trainClassifier(ClassificationData data, ClassifierSpec spec, TrainingSpec training,
            TrainingListener listener) {
        return new ClassifierTraining(data, spec, training, listener, context, info).run();
    }

    @Override
    public Classifier loadClassifier(Path directory) {
        ModelManifest manifest = ManifestFiles.readVerified(directory);
        if (manifest.taskOrDefault() != Task.CLASSIFICATION || manifest.classifier() == null) {
            throw new ModelLoadException("the version is not a classifier");
        }
        ClassifierManifest classifier = manifest.classifier();
        ClassifierInputs inputs = ClassifierInputs.of(classifier.spec().maxLength(), classifier.vocabulary(),
                classifier.normalization());
        NDManager manager = context.root().newSubManager();
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(directory.resolve(DjlForecastModel.PARAMETERS_FILE))))) {
            ClassifierNetwork network = ClassifierNetwork.load(classifier.spec(), inputs.inputs(), inputs.text(),
                    classifier.labels().size(), manager, in);
            NgramBayes bayes = manifest.files().containsKey(NgramBayes.FILE) ? NgramBayes.read(directory) : null;
            return new DjlClassifier(manifest, network, inputs, bayes, manager, context);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e instanceof ModelLoadException loadException
                    ? loadException
                    : new ModelLoadException("model parameters cannot be read", e);
        }
    }

    @Override
    public ForecastModel load(Path directory) {
        ModelManifest manifest = ManifestFiles.readVerified(directory);
        if (manifest.taskOrDefault() != Task.FORECASTING) {
            throw new ModelLoadException("the version is a classifier, not a forecaster");
        }
        if (!manifest.files().containsKey(DjlForecastModel.PARAMETERS_FILE)) {
            throw new ModelLoadException("manifest lists no " + DjlForecastModel.PARAMETERS_FILE);
        }
        NDManager manager = context.root().newSubManager();
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(directory.resolve(DjlForecastModel.PARAMETERS_FILE))))) {
            Ensemble network = Ensemble.load(manifest.spec(), manifest.features().size(), manager, in,
                    lookbacks(manifest));
            return new DjlForecastModel(manifest, network, manager, context);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e instanceof ModelLoadException loadException
                    ? loadException
                    : new ModelLoadException("model parameters cannot be read", e);
        }
    }

    /**
     * What each network reads: as a manifest of format 3 or later lists, one lookback per network within the window;
     * in earlier formats every network reads the whole window.
     */
    private static List<Integer> lookbacks(ModelManifest manifest) {
        Integer members = manifest.training().members();
        int count = members == null ? 1 : members;
        boolean listed = manifest.formatVersion() >= ModelManifest.LOOKBACK_FORMAT_VERSION;
        if (listed != (manifest.lookbacks() != null)) {
            throw new ModelLoadException("manifest format " + manifest.formatVersion() + (listed
                    ? " lists each network's lookbacks, and this manifest has none"
                    : " has no lookbacks, and this manifest lists some"));
        }
        if (!listed) {
            return Collections.nCopies(count, manifest.spec().window());
        }
        if (manifest.lookbacks().size() != count) {
            throw new ModelLoadException("the manifest lists " + manifest.lookbacks().size() + " lookbacks for "
                    + count + " networks");
        }
        for (Integer lookback : manifest.lookbacks()) {
            if (lookback == null || lookback < 1 || lookback > manifest.spec().window()) {
                throw new ModelLoadException("a network reads 1 to " + manifest.spec().window()
                        + " steps of its window, not " + lookback + " (the manifest's lookbacks)");
            }
        }
        return manifest.lookbacks();
    }

    @Override
    public ModelManifest readManifest(Path directory) {
        return ManifestFiles.readVerified(directory);
    }

    @Override
    public Comparison compare(Path candidateDirectory, ForecastModel candidate, ForecastModel other) {
        return Comparisons.compare(candidateDirectory, candidate, other);
    }

    @Override
    public List<float[][]> storedSeries(Path directory) {
        ModelManifest manifest = ManifestFiles.readVerified(directory);
        if (!manifest.files().containsKey(BacktestCases.FILE)) {
            throw new NotComparableException("it stored no series: it forecasts trajectories or classifies, its series"
                    + " were too short to score a forecast origin, or it was trained before they were kept");
        }
        return BacktestCases.read(directory).series();
    }

    @Override
    public int maxHorizon() {
        return context.maxHorizon();
    }

    @Override
    public int liveNativeArrays() {
        return context.root().getManagedArrays().size();
    }

    @Override
    public void close() {
        context.root().close();
    }
}
