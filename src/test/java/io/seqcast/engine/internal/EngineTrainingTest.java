package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.CellType;
import io.seqcast.engine.EpochProgress;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LossType;
import io.seqcast.engine.ModelLoadException;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.OptimizerType;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingCancelledException;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineTrainingTest {

    private final DjlSequenceEngine engine = TestEngine.ENGINE;

    private static final ModelSpec SMALL = new ModelSpec(CellType.LSTM, 8, 1, 0.0, 12, 3);
    private static final TrainingSpec QUICK = TrainingSpec.builder().epochs(5).batchSize(16).build();

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyCellTrainsAndForecastsTheHorizonOfEverySeries(CellType cell) {
        ModelSpec spec = new ModelSpec(cell, 8, 2, 0.1, 12, 3);
        try (ForecastModel model = engine.train(seasonal(2, 120), spec, QUICK, TrainingListener.NONE)) {
            List<float[][]> forecasts = model.forecast(List.<float[][]>of(wave(60, 0, 1), wave(30, 3, 1)), 3);
            assertThat(forecasts).hasSize(2).allSatisfy(f -> assertThat(f).hasDimensions(3, 1));
            assertThat(model.manifest().summary().epochsRun()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerType.class)
    void everyOptimizerLowersTheTrainingLoss(OptimizerType optimizer) {
        double learningRate = optimizer == OptimizerType.SGD ? 0.05 : optimizer == OptimizerType.ADAGRAD ? 0.1 : 0.01;
        TrainingSpec training = QUICK.toBuilder().epochs(15).optimizer(optimizer).learningRate(learningRate)
                .momentum(optimizer == OptimizerType.SGD ? 0.9 : 0).loss(LossType.MSE).validationFraction(0).networkOnly(true).build();
        // Without the season given, smoothing leaves it in the residuals: something for the network to learn.
        try (ForecastModel model = engine.train(unseasoned(seasonal(1, 200)), SMALL, training, TrainingListener.NONE)) {
            List<Double> losses = model.manifest().summary().trainLossHistory();
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.5);
        }
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = "CROSS_ENTROPY", mode = EnumSource.Mode.EXCLUDE)
    void everyForecastingLossTrainsWithClippingByNormAndByValue(LossType loss) {
        TrainingSpec training = QUICK.toBuilder().loss(loss).gradientClipNorm(0.5).gradientClipValue(0.05).build();
        try (ForecastModel model = engine.train(seasonal(1, 120), SMALL, training, TrainingListener.NONE)) {
            assertThat(model.manifest().summary().trainLossHistory()).allSatisfy(l -> assertThat(l).isFinite());
        }
    }

    @Test
    void theSameDataSpecAndSeedGiveBitIdenticalModels(@TempDir Path dir) throws IOException {
        ModelSpec spec = new ModelSpec(CellType.GRU, 8, 2, 0.2, 12, 3);
        try (ForecastModel a = engine.train(seasonal(3, 100), spec, QUICK, TrainingListener.NONE);
                ForecastModel b = engine.train(seasonal(3, 100), spec, QUICK, TrainingListener.NONE)) {
            a.save(Files.createDirectory(dir.resolve("a")));
            b.save(Files.createDirectory(dir.resolve("b")));
            assertThat(Files.readAllBytes(dir.resolve("a/parameters.bin")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b/parameters.bin")));
            assertThat(a.forecast(List.<float[][]>of(wave(50, 1, 1)), 7).get(0)).isDeepEqualTo(b.forecast(List.<float[][]>of(wave(50, 1, 1)), 7).get(0));
        }
    }

    @Test
    void aDifferentSeedGivesADifferentModel() {
        // The network alone, on what smoothing leaves: a blend may settle on exponential smoothing, and an untrained
        // network forecasts it, which no seed changes.
        TrainingSpec network = QUICK.toBuilder().networkOnly(true).build();
        try (ForecastModel a = engine.train(unseasoned(seasonal(1, 100)), SMALL, network, TrainingListener.NONE);
                ForecastModel b = engine.train(unseasoned(seasonal(1, 100)), SMALL, network.toBuilder().seed(99).build(),
                        TrainingListener.NONE)) {
            assertThat(a.forecast(List.<float[][]>of(wave(50, 1, 1)), 3).get(0)[0][0])
                    .isNotEqualTo(b.forecast(List.<float[][]>of(wave(50, 1, 1)), 3).get(0)[0][0]);
        }
    }

    @Test
    void aSavedModelLoadsWithItsManifestAndForecastsIdentically(@TempDir Path dir) {
        try (ForecastModel trained = engine.train(seasonal(2, 100), SMALL, QUICK, TrainingListener.NONE)) {
            trained.save(dir);
            try (ForecastModel loaded = engine.load(dir)) {
                assertThat(loaded.forecast(List.<float[][]>of(wave(40, 0, 2)), 10).get(0))
                        .isDeepEqualTo(trained.forecast(List.<float[][]>of(wave(40, 0, 2)), 10).get(0));
                ModelManifest manifest = loaded.manifest();
                assertThat(manifest.spec()).isEqualTo(SMALL);
                // The default ensemble on data this small, its size resolved in the manifest.
                assertThat(manifest.training()).isEqualTo(QUICK.toBuilder().members(3).build());
                assertThat(manifest.features()).containsExactly("value");
                assertThat(manifest.normalization()).hasSize(1);
                assertThat(manifest.metrics()).isNotNull();
                assertThat(manifest.engine().engineVersion()).isEqualTo("2.7.1");
                assertThat(manifest.engine().djlVersion()).isEqualTo("0.36.0");
                assertThat(manifest.dataFingerprint()).hasSize(64);
                assertThat(manifest.files()).containsOnlyKeys("parameters.bin", "backtest-cases.bin");
            }
        }
    }

    @Test
    void aModelWhoseParametersWereAlteredRefusesToLoad(@TempDir Path dir) throws IOException {
        try (ForecastModel trained = engine.train(seasonal(1, 60), SMALL, QUICK, TrainingListener.NONE)) {
            trained.save(dir);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("parameters.bin"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("parameters.bin"), bytes);
        int before = engine.liveNativeArrays();
        assertThatThrownBy(() -> engine.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("checksum of 'parameters.bin' does not match");
        assertThat(engine.liveNativeArrays()).isEqualTo(before);
    }

    @Test
    void aMissingOrBrokenManifestRefusesToLoad(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> engine.load(dir)).isInstanceOf(ModelLoadException.class);
        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 1, \"spec\": {\"hiddenSize\": 0}}");
        assertThatThrownBy(() -> engine.load(dir)).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void theEpochsPlannedCountASecondReadingOnlyWhereValidationCanChooseAndEveryFurtherMember() {
        TrainingSpec one = QUICK.toBuilder().members(1).build();
        assertThat(engine.plannedEpochs(seasonal(1, 100), SMALL, one)).isEqualTo(2 * QUICK.epochs());
        assertThat(engine.plannedEpochs(seasonal(1, 100), SMALL, one.toBuilder().validationFraction(0).build()))
                .isEqualTo(QUICK.epochs());
        // Small data trains three members by default: the two readings' first networks, then two more.
        assertThat(engine.plannedEpochs(seasonal(1, 100), SMALL, QUICK)).isEqualTo(4 * QUICK.epochs());
        assertThat(engine.plannedEpochs(seasonal(1, 100), SMALL, QUICK.toBuilder().validationFraction(0).build()))
                .isEqualTo(3 * QUICK.epochs());
    }

    @Test
    void theTimeEstimateChargesEachNetworkTheStepsItReads() {
        // Both readings of the window, then the two further members over their lookbacks.
        assertThat(TrainingRun.lookbacks(seasonal(1, 100), SMALL, QUICK)).containsExactly(12, 12, 8, 4)
                .hasSize(TrainingRun.networks(seasonal(1, 100), SMALL, QUICK));
        TrainingSpec one = QUICK.toBuilder().members(1).build();
        TrainingSpec oneReading = one.toBuilder().validationFraction(0).build();
        assertThat(TrainingRun.lookbacks(seasonal(1, 100), SMALL, one)).containsExactly(12, 12);
        assertThat(TrainingRun.lookbacks(seasonal(1, 100), SMALL, oneReading)).containsExactly(12);
        // Differences of estimates, so that smoothing's fits cancel: a whole-window network, and two more members.
        double whole = engine.estimateTrainingSeconds(seasonal(1, 100), SMALL, one)
                - engine.estimateTrainingSeconds(seasonal(1, 100), SMALL, oneReading);
        double twoMembers = engine.estimateTrainingSeconds(seasonal(1, 100), SMALL, QUICK)
                - engine.estimateTrainingSeconds(seasonal(1, 100), SMALL, one);
        // Reading 2/3 and 1/3 of the window, they cost about one whole-window network, not two.
        assertThat(whole).isPositive();
        assertThat(twoMembers / whole).isBetween(0.9, 1.2);
    }

    @Test
    void aForecasterRefusesTheClassifiersLossBeforeTraining() {
        TrainingSpec training = QUICK.toBuilder().loss(LossType.CROSS_ENTROPY).build();
        assertThatThrownBy(() -> engine.train(seasonal(1, 120), SMALL, training, TrainingListener.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("training.loss"));
    }

    @Test
    void dataCostlierThanTheEnsembleLimitTrainsOneNetworkByDefault() {
        ModelSpec wide = new ModelSpec(CellType.LSTM, 64, 1, 0.0, 24, 3);
        assertThat(Costs.forwardWork(seasonal(3, 100), wide)).isGreaterThan(io.seqcast.engine.Defaults.ENSEMBLE_MAX_WORK);
        assertThat(engine.plannedEpochs(seasonal(3, 100), wide, QUICK)).isEqualTo(2 * QUICK.epochs());
        assertThat(Costs.forwardWork(seasonal(3, 100), SMALL)).isLessThan(io.seqcast.engine.Defaults.ENSEMBLE_MAX_WORK);
        assertThat(engine.plannedEpochs(seasonal(3, 100), SMALL, QUICK)).isEqualTo(4 * QUICK.epochs());
    }

    @Test
    void anEnsembleIsWrittenInAFormatThatVersionsBeforeLookbacksRefuseAndLoadsBackWhole(@TempDir Path dir)
            throws IOException {
        TrainingSpec network = QUICK.toBuilder().networkOnly(true).build();
        try (ForecastModel one = engine.train(seasonal(1, 100), SMALL, network.toBuilder().members(1).build(),
                        TrainingListener.NONE);
                ForecastModel three = engine.train(seasonal(1, 100), SMALL, network, TrainingListener.NONE)) {
            assertThat(one.manifest().formatVersion()).isEqualTo(ModelManifest.FORMAT_VERSION);
            assertThat(one.manifest().lookbacks()).isNull();
            assertThat(three.manifest().formatVersion()).isEqualTo(ModelManifest.LOOKBACK_FORMAT_VERSION);
            assertThat(three.manifest().lookbacks()).containsExactly(12, 8, 4);
            try (ForecastModel short2 = engine.train(seasonal(1, 100), new ModelSpec(CellType.LSTM, 8, 1, 0.0, 2, 3),
                    network, TrainingListener.NONE)) {
                // Two steps are the least a network reads: all three read the whole window, as before lookbacks.
                assertThat(short2.manifest().formatVersion()).isEqualTo(ModelManifest.ENSEMBLE_FORMAT_VERSION);
                assertThat(short2.manifest().lookbacks()).isNull();
            }
            three.save(dir);
            try (ForecastModel loaded = engine.load(dir)) {
                assertThat(loaded.parameterBytes()).isEqualTo(three.parameterBytes());
                assertThat(loaded.forecast(List.<float[][]>of(wave(50, 1, 1)), 5).get(0))
                        .isDeepEqualTo(three.forecast(List.<float[][]>of(wave(50, 1, 1)), 5).get(0));
            }
        }
        Path manifest = dir.resolve(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 3", "\"formatVersion\" : 5"));
        assertThatThrownBy(() -> engine.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("manifest format 5 is not supported");
    }

    @Test
    void aModelForecastingOnBoxCoxTransformsIsWrittenInAFormatEarlierVersionsRefuseAndLoadsBackWhole(@TempDir Path dir)
            throws IOException {
        double[] growing = BoxCoxTest.multiplicative(144, 1.04, 6);
        float[][] values = new float[growing.length][1];
        for (int t = 0; t < growing.length; t++) {
            values[t][0] = (float) growing[t];
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("growing", values)), 12);
        ModelSpec yearAhead = new ModelSpec(CellType.LSTM, 8, 1, 0.0, 24, 12);
        float[][] history = java.util.Arrays.copyOf(values, 120);
        // No validation split: the baselines alone are scored, on the same origins as BlendingTest scores them.
        try (ForecastModel model = engine.train(data, yearAhead, QUICK.toBuilder().members(1).validationFraction(0).build(),
                TrainingListener.NONE)) {
            assertThat(model.manifest().blend().transform()).as(model.manifest().blend().reason())
                    .isEqualTo(io.seqcast.engine.ForecastBlend.BOX_COX);
            assertThat(model.manifest().formatVersion()).isEqualTo(ModelManifest.TRANSFORM_FORMAT_VERSION);
            assertThat(model.manifest().lookbacks()).containsExactly(yearAhead.window());
            model.save(dir);
            try (ForecastModel loaded = engine.load(dir)) {
                assertThat(loaded.manifest().blend()).isEqualTo(model.manifest().blend());
                assertThat(loaded.forecast(List.<float[][]>of(history), 12).get(0))
                        .isDeepEqualTo(model.forecast(List.<float[][]>of(history), 12).get(0));
            }
        }
        Path manifest = dir.resolve(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 4", "\"formatVersion\" : 3"));
        assertThatThrownBy(() -> engine.load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("manifest format 3 cannot carry blend.transform BOX_COX");
    }

    @Test
    void anEnsembleCostsItsMembersForecastWorkAndDiffersFromItsFirstMember() {
        TrainingSpec network = QUICK.toBuilder().networkOnly(true).build();
        SequenceData data = unseasoned(seasonal(1, 100));
        try (ForecastModel one = engine.train(data, SMALL, network.toBuilder().members(1).build(), TrainingListener.NONE);
                ForecastModel three = engine.train(data, SMALL, network.toBuilder().members(3).build(),
                        TrainingListener.NONE)) {
            assertThat(three.manifest().training().members()).isEqualTo(3);
            assertThat(three.parameterBytes()).isEqualTo(3 * one.parameterBytes());
            assertThat(three.forecastWork(10, 3)).isGreaterThan(one.forecastWork(10, 3));
            assertThat(three.forecast(List.<float[][]>of(wave(50, 1, 1)), 3).get(0)[0][0])
                    .isNotEqualTo(one.forecast(List.<float[][]>of(wave(50, 1, 1)), 3).get(0)[0][0]);
        }
    }

    @Test
    void progressIsReportedAfterEveryEpochOfEveryNetwork() {
        List<EpochProgress> progress = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochProgress p) {
                progress.add(p);
            }
        };
        try (ForecastModel model = engine.train(seasonal(1, 100), SMALL, QUICK.toBuilder().earlyStoppingPatience(0)
                .build(), listener)) {
            // A seasonal series with validation trains a network on each reading of its windows, one after the other,
            // then the kept reading's two further members.
            assertThat(progress).extracting(EpochProgress::epoch).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(model.manifest().blend().reason()).contains("the network reads windows relative to");
            assertThat(progress).allSatisfy(p -> {
                assertThat(p.epochs()).isEqualTo(20);
                assertThat(p.validationLoss()).isNotNull();
                assertThat(p.elapsed()).isPositive();
            });
        }
    }

    @Test
    void cancellationStopsTrainingBetweenBatchesAndFreesItsMemory() {
        AtomicInteger checks = new AtomicInteger();
        TrainingListener cancelAfterThreeBatches = new TrainingListener() {
            @Override
            public boolean cancelRequested() {
                return checks.incrementAndGet() > 3;
            }
        };
        int before = engine.liveNativeArrays();
        assertThatThrownBy(() -> engine.train(seasonal(1, 400), SMALL, QUICK.toBuilder().batchSize(4).build(),
                        cancelAfterThreeBatches))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(checks.get()).isEqualTo(4);
        assertThat(engine.liveNativeArrays()).isEqualTo(before);
    }

    @Test
    void earlyStoppingKeepsTheWeightsOfTheBestValidationEpoch() {
        TrainingSpec training = QUICK.toBuilder().epochs(200).learningRate(0.05).earlyStoppingPatience(3).build();
        try (ForecastModel model = engine.train(noisy(150), SMALL, training, TrainingListener.NONE)) {
            var summary = model.manifest().summary();
            assertThat(summary.epochsRun()).isLessThan(200).isEqualTo(summary.bestEpoch() + 3);
            double best = summary.validationLossHistory().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertThat(summary.validationLossHistory().get(summary.bestEpoch() - 1)).isEqualTo(best);
        }
    }

    @Test
    void validationMetricsAreStoredWithTheModel() {
        try (ForecastModel model = engine.train(seasonal(1, 120), SMALL, QUICK, TrainingListener.NONE)) {
            var metrics = model.manifest().metrics();
            assertThat(metrics.windows()).isPositive();
            assertThat(metrics.rmse()).isPositive().isGreaterThanOrEqualTo(metrics.mae());
            assertThat(metrics.smape()).isBetween(0.0, 200.0);
            assertThat(metrics.mase()).isPositive();
        }
    }

    @Test
    void aHorizonBeyondTheModelsIsRolledOutFromItsOwnPredictions() {
        try (ForecastModel model = engine.train(seasonal(1, 100), SMALL, QUICK, TrainingListener.NONE)) {
            float[][] history = wave(40, 0, 1);
            float[][] long7 = model.forecast(List.<float[][]>of(history), 7).get(0);
            float[][] direct = model.forecast(List.<float[][]>of(history), 3).get(0);
            float[][] extended = java.util.Arrays.copyOf(history, 43);
            System.arraycopy(direct, 0, extended, 40, 3);
            float[][] next = model.forecast(List.<float[][]>of(extended), 3).get(0);
            assertThat(long7).hasDimensions(7, 1);
            assertThat(java.util.Arrays.copyOfRange(long7, 0, 3)).isDeepEqualTo(direct);
            assertThat(java.util.Arrays.copyOfRange(long7, 3, 6)).isDeepEqualTo(next);
        }
    }

    @Test
    void aMultivariateGlobalModelLearnsSeriesOfVeryDifferentScales() {
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double scale = Math.pow(100, i);
            float[][] values = new float[80 + 10 * i][2];
            for (int t = 0; t < values.length; t++) {
                values[t][0] = (float) (scale * (10 + Math.sin(t * 0.5)));
                values[t][1] = (float) (scale * Math.cos(t * 0.5));
            }
            sequences.add(new Sequence("s" + i, values));
        }
        SequenceData data = new SequenceData(SequenceKind.SERIES, List.of("level", "swing"), sequences, 1);
        TrainingSpec training = QUICK.toBuilder().epochs(60).learningRate(0.01).build();
        try (ForecastModel model = engine.train(data, SMALL, training, TrainingListener.NONE)) {
            for (int i = 0; i < 3; i++) {
                float[][] values = sequences.get(i).values();
                float[][] history = java.util.Arrays.copyOf(values, 40);
                float[][] forecast = model.forecast(List.<float[][]>of(history), 1).get(0);
                double scale = Math.pow(100, i);
                assertThat((double) forecast[0][0]).isCloseTo(values[40][0], within(0.3 * scale));
                assertThat((double) forecast[0][1]).isCloseTo(values[40][1], within(0.3 * scale));
            }
        }
    }

    @Test
    void aTrajectoryMovedInSpaceAndTimeGetsTheSameForecastMoved() {
        float[][] track = new float[40][4];
        for (int i = 0; i < 40; i++) {
            track[i] = new float[] {(float) (i * 0.5), (float) Math.sin(i * 0.3), (float) (1 + 0.01 * i), i * 10f};
        }
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y", "z", "t"),
                List.of(new Sequence("track", track)), 1);
        float[] offset = {250f, -40f, 3f, 5000f};
        float[][] moved = new float[40][4];
        for (int i = 0; i < 40; i++) {
            for (int f = 0; f < 4; f++) {
                moved[i][f] = track[i][f] + offset[f];
            }
        }
        try (ForecastModel model = engine.train(data, SMALL, QUICK, TrainingListener.NONE)) {
            float[][] original = model.forecast(List.<float[][]>of(track), 6).get(0);
            float[][] shifted = model.forecast(List.<float[][]>of(moved), 6).get(0);
            for (int h = 0; h < 6; h++) {
                for (int f = 0; f < 4; f++) {
                    assertThat(shifted[h][f] - offset[f]).isCloseTo(original[h][f], within(2e-3f * (1 + Math.abs(offset[f]) / 100)));
                }
            }
        }
    }

    static SequenceData seasonal(int series, int length) {
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            sequences.add(new Sequence("s" + i, wave(length - 7 * i, i, 1 + i)));
        }
        return SequenceData.univariate(sequences, 12);
    }

    /** The same series with no season given. */
    static SequenceData unseasoned(SequenceData data) {
        return SequenceData.univariate(data.sequences(), 1);
    }

    static float[][] wave(int length, int phase, double amplitude) {
        float[][] values = new float[length][1];
        for (int t = 0; t < length; t++) {
            values[t][0] = (float) (50 + amplitude * (10 * Math.sin(2 * Math.PI * (t + phase) / 12) + 0.05 * t));
        }
        return values;
    }

    private static SequenceData noisy(int length) {
        java.util.Random random = new java.util.Random(3);
        float[][] values = new float[length][1];
        for (int t = 0; t < length; t++) {
            values[t][0] = (float) (Math.sin(t * 0.7) + random.nextGaussian());
        }
        return SequenceData.univariate(List.of(new Sequence("noise", values)), 1);
    }
}
