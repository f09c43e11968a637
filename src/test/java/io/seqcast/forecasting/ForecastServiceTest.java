package io.seqcast.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seqcast.data.DataLimits;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.SeriesPayload;
import io.seqcast.data.SeriesValues;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.RegistryProperties;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** A forecast's work and size are budgeted before it starts, and its time while it runs. */
class ForecastServiceTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024);
    private static final PayloadParser PARSER = new PayloadParser(new DataLimits(10_000, 100_000, 8, DataSize.ofMegabytes(16)));

    @TempDir
    Path root;

    private ModelRegistry registry;
    private final List<InferenceQueue> queues = new ArrayList<>();

    @AfterEach
    void stopQueues() throws InterruptedException {
        for (InferenceQueue queue : queues) {
            queue.destroy();
        }
    }

    @BeforeEach
    void aHorizonOneModel() {
        registry = new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        float[][] values = new float[60][1];
        for (int t = 0; t < 60; t++) {
            values[t][0] = (float) Math.sin(t * 0.4);
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.LSTM, 32, 1, 0, 24, 1), TrainingSpec.builder().epochs(1).networkOnly(true).build(),
                TrainingListener.NONE)) {
            // The network alone: its roll-outs are the work the budget tests bound (validation would choose the
            // autoregression for a sine, whose forecasts cost next to nothing).
            registry.publish("m", trained);
        }
    }

    @Test
    void theSameInputToTheSameVersionGivesTheSameNumbersAndReceiptAfterAReloadFromDisk() throws Exception {
        float[][] values = new float[80][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) (Math.sin(t * 0.4) + 0.02 * t);
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.GRU, 16, 2, 0, 12, 3), TrainingSpec.builder().epochs(3).networkOnly(true).build(),
                TrainingListener.NONE)) {
            registry.publish("n", trained);
        }
        ForecastResponse first = service(Duration.ofSeconds(10)).forecast("n", null, null, request(5, 30, 7));
        // As after a restart: another engine, registry and cache load the version from disk.
        ForecastResponse again;
        try (DjlSequenceEngine restarted = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            ModelRegistry reopened = new ModelRegistry(new RegistryProperties(root), restarted, e -> {});
            again = service(reopened, restarted, Duration.ofSeconds(10)).forecast("n", null, null, request(5, 30, 7));
        }
        assertThat(again.forecasts()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat((float[]) again.forecasts().get(i).values())
                    .containsExactly((float[]) first.forecasts().get(i).values());
        }
        ForecastResponse.Receipt receipt = first.receipt();
        assertThat(again.receipt()).usingRecursiveComparison().ignoringFields("time").isEqualTo(receipt);
        byte[] manifest = Files.readAllBytes(root.resolve("n/1").resolve(ModelManifest.FILE_NAME));
        assertThat(receipt.manifestSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest)));
        assertThat(receipt).extracting(ForecastResponse.Receipt::model, ForecastResponse.Receipt::version,
                ForecastResponse.Receipt::engine, ForecastResponse.Receipt::device).containsExactly("n", 1, "PyTorch", "cpu()");
        ForecastResponse otherInput = service(Duration.ofSeconds(10)).forecast("n", null, null, request(5, 31, 7));
        assertThat(otherInput.receipt().inputSha256()).isNotEqualTo(receipt.inputSha256());
    }

    @Test
    void intervalsCalibratedOnTheBacktestCoverHeldOutPointsAboutAsOftenAsTheySay() {
        java.util.Random random = new java.util.Random(11);
        int series = 40;
        int length = 132;
        int horizon = 12;
        List<float[][]> full = new ArrayList<>();
        List<Sequence> training = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            float[][] values = new float[length][1];
            double level = 20 + 80 * random.nextDouble();
            double noise = 0.5 + 3 * random.nextDouble();
            double ar = 0;
            for (int t = 0; t < length; t++) {
                ar = 0.5 * ar + random.nextGaussian() * noise;
                values[t][0] = (float) (level + 0.1 * t + 0.2 * level * Math.sin(2 * Math.PI * t / 12) + ar);
            }
            full.add(values);
            training.add(new Sequence("s" + i, java.util.Arrays.copyOf(values, length - horizon)));
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(training, 12),
                new ModelSpec(CellType.LSTM, 16, 1, 0, 24, horizon), TrainingSpec.builder().epochs(20).build(),
                TrainingListener.NONE)) {
            registry.publish("bands", trained);
        }
        List<SeriesPayload> payloads = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            double[] history = new double[length - horizon];
            for (int t = 0; t < history.length; t++) {
                history[t] = full.get(i)[t][0];
            }
            payloads.add(new SeriesPayload("s" + i, SeriesValues.of(history), null, null));
        }
        ForecastResponse response = service(Duration.ofSeconds(30)).forecast("bands", null, null,
                new ForecastRequest(null, payloads, null, horizon, List.of(80.0, 95.0), List.of(0.1, 0.5, 0.9)));
        int[] inside = new int[2];
        for (int i = 0; i < series; i++) {
            ForecastResponse.Forecast forecast = response.forecasts().get(i);
            float[] point = (float[]) forecast.values();
            assertThat(forecast.intervals().get(0).calibration()).isEqualTo("BACKTEST");
            float[] lower80 = (float[]) forecast.intervals().get(0).lower();
            float[] upper80 = (float[]) forecast.intervals().get(0).upper();
            float[] lower95 = (float[]) forecast.intervals().get(1).lower();
            float[] upper95 = (float[]) forecast.intervals().get(1).upper();
            assertThat((float[]) forecast.quantiles().get(0).values()).containsExactly(lower80);
            assertThat((float[]) forecast.quantiles().get(1).values()).containsExactly(point);
            assertThat((float[]) forecast.quantiles().get(2).values()).containsExactly(upper80);
            for (int h = 0; h < horizon; h++) {
                assertThat(lower95[h]).isLessThanOrEqualTo(lower80[h]).isLessThanOrEqualTo(point[h]);
                assertThat(upper95[h]).isGreaterThanOrEqualTo(upper80[h]).isGreaterThanOrEqualTo(point[h]);
                float actual = full.get(i)[length - horizon + h][0];
                inside[0] += actual >= lower80[h] && actual <= upper80[h] ? 1 : 0;
                inside[1] += actual >= lower95[h] && actual <= upper95[h] ? 1 : 0;
            }
        }
        double points = series * horizon;
        assertThat(inside[0] / points).as("80 percent coverage").isBetween(0.65, 0.93);
        assertThat(inside[1] / points).as("95 percent coverage").isBetween(0.85, 1.0);
        assertThatThrownBy(() -> service(Duration.ofSeconds(30)).forecast("bands", null, null,
                new ForecastRequest(null, payloads, null, horizon, List.of(100.0), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/levels/0"));
        assertThatThrownBy(() -> service(Duration.ofSeconds(30)).forecast("bands", null, null,
                new ForecastRequest(null, payloads, null, horizon + 1, List.of(80.0), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/levels"));
    }

    @Test
    void missingValuesAtTheEndOfAHistoryAreFilledFromASeasonEarlierAsInTraining() {
        java.util.Random random = new java.util.Random(13);
        double[] values = new double[72];
        for (int t = 0; t < values.length; t++) {
            values[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        float[][] training = new float[values.length][1];
        for (int t = 0; t < values.length; t++) {
            training[t][0] = (float) values[t];
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("a", training)), 12),
                new ModelSpec(CellType.LSTM, 8, 1, 0, 24, 12), TrainingSpec.builder().epochs(3).build(),
                TrainingListener.NONE)) {
            registry.publish("gaps", trained);
        }
        double[] gaps = values.clone();
        for (int t = values.length - 8; t < values.length; t++) {
            gaps[t] = Double.NaN;
        }
        ForecastResponse withGaps = service(Duration.ofSeconds(30)).forecast("gaps", null, null, new ForecastRequest(null,
                List.of(new SeriesPayload("a", SeriesValues.of(gaps), null, null)), null, 12, null, null));
        ForecastResponse complete = service(Duration.ofSeconds(30)).forecast("gaps", null, null, new ForecastRequest(null,
                List.of(new SeriesPayload("a", SeriesValues.of(values), null, null)), null, 12, null, null));
        float[] guessed = (float[]) withGaps.forecasts().get(0).values();
        float[] known = (float[]) complete.forecasts().get(0).values();
        double difference = 0;
        for (int h = 0; h < known.length; h++) {
            difference += Math.abs(guessed[h] - known[h]) / known.length;
        }
        // The last value carried on (as before) moved the forecast by 38 on average; the season swings by 30.
        assertThat(difference).isLessThan(4);
    }

    @Test
    void aConstantHistoryGetsIntervalsAsWideAsTheTrainingSeriesWouldNotZeroWide() {
        java.util.Random random = new java.util.Random(14);
        float[][] training = new float[96][1];
        for (int t = 0; t < training.length; t++) {
            training[t][0] = (float) (100 + 10 * Math.sin(2 * Math.PI * t / 12) + 2 * random.nextGaussian());
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("a", training)), 12),
                new ModelSpec(CellType.LSTM, 8, 1, 0, 24, 6), TrainingSpec.builder().epochs(2).build(),
                TrainingListener.NONE)) {
            registry.publish("flat", trained);
        }
        double[] constant = new double[48];
        java.util.Arrays.fill(constant, 100);
        ForecastResponse response = service(Duration.ofSeconds(30)).forecast("flat", null, null, new ForecastRequest(null,
                List.of(new SeriesPayload("a", SeriesValues.of(constant), null, null)), null, 6, List.of(80.0), null));
        float[] point = (float[]) response.forecasts().get(0).values();
        float[] upper = (float[]) response.forecasts().get(0).intervals().get(0).upper();
        double scale = io.seqcast.engine.PredictionIntervals.naiveScale(training, training.length, 0, 12);
        for (int h = 0; h < point.length; h++) {
            assertThat(upper[h] - point[h]).as("step %d", h).isGreaterThan((float) (0.1 * scale));
        }
    }

    @Test
    void aSeriesNeverNegativeIsNotForecastNegativeNorAreItsBoundsButOneThatWasCanBe() {
        for (double shift : new double[] {0, -50}) {
            float[][] training = new float[40][1];
            for (int t = 0; t < training.length; t++) {
                training[t][0] = (float) (shift + 200 - 5 * t + (t % 2 == 0 ? 1 : -1));
            }
            String name = shift == 0 ? "falling" : "crossing";
            try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("a", training)), 1),
                    new ModelSpec(CellType.LSTM, 8, 1, 0, 8, 10), TrainingSpec.builder().epochs(2).build(),
                    TrainingListener.NONE)) {
                assertThat(trained.manifest().normalization().get(0).nonNegative()).isEqualTo(shift == 0);
                registry.publish(name, trained);
            }
            double[] history = new double[training.length];
            for (int t = 0; t < history.length; t++) {
                history[t] = training[t][0];
            }
            ForecastResponse.Forecast forecast = service(Duration.ofSeconds(30)).forecast(name, null, null,
                    new ForecastRequest(null, List.of(new SeriesPayload("a", SeriesValues.of(history), null, null)), null,
                            10, List.of(95.0), null)).forecasts().get(0);
            float[] point = (float[]) forecast.values();
            float[] lower = (float[]) forecast.intervals().get(0).lower();
            if (shift == 0) {
                for (int h = 0; h < point.length; h++) {
                    assertThat(point[h]).isGreaterThanOrEqualTo(0f);
                    assertThat(lower[h]).isGreaterThanOrEqualTo(0f);
                }
                assertThat(point[point.length - 1]).isEqualTo(0f); // the trend reaches 0 and stops there
            } else {
                assertThat(point[point.length - 1]).isNegative();
            }
        }
    }

    @Test
    void seriesTooShortToBacktestGetIntervalsFromTheirModelThatCoverHeldOutPointsAboutAsOftenAsTheySay() {
        java.util.Random random = new java.util.Random(12);
        int series = 40;
        int length = 48; // three years of months: 36 to train on leave no origin a seasonal fit and a year ahead need
        int horizon = 12;
        List<float[][]> full = new ArrayList<>();
        List<Sequence> training = new ArrayList<>();
        List<SeriesPayload> payloads = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            float[][] values = new float[length][1];
            double level = 50 + 50 * random.nextDouble();
            double noise = 1 + 3 * random.nextDouble();
            for (int t = 0; t < length; t++) {
                level += 0.3 * noise * random.nextGaussian();
                values[t][0] = (float) (level + 0.2 * level * Math.sin(2 * Math.PI * t / 12) + noise * random.nextGaussian());
            }
            full.add(values);
            float[][] history = java.util.Arrays.copyOf(values, length - horizon);
            training.add(new Sequence("s" + i, history));
            double[] column = new double[history.length];
            for (int t = 0; t < history.length; t++) {
                column[t] = history[t][0];
            }
            payloads.add(new SeriesPayload("s" + i, SeriesValues.of(column), null, null));
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(training, 12),
                new ModelSpec(CellType.GRU, 8, 1, 0, 12, horizon), TrainingSpec.builder().epochs(2).build(),
                TrainingListener.NONE)) {
            assertThat(trained.manifest().backtest().origins()).isZero();
            assertThat(trained.manifest().backtest().calibration().source())
                    .isEqualTo(io.seqcast.engine.Backtest.Calibration.Source.MODEL);
            registry.publish("young", trained);
        }
        ForecastResponse response = service(Duration.ofSeconds(30)).forecast("young", null, null,
                new ForecastRequest(null, payloads, null, horizon, List.of(80.0, 95.0), null));
        int[] inside = new int[2];
        for (int i = 0; i < series; i++) {
            ForecastResponse.Forecast forecast = response.forecasts().get(i);
            for (int l = 0; l < 2; l++) {
                assertThat(forecast.intervals().get(l).calibration()).isEqualTo("MODEL");
                float[] lower = (float[]) forecast.intervals().get(l).lower();
                float[] upper = (float[]) forecast.intervals().get(l).upper();
                for (int h = 0; h < horizon; h++) {
                    float actual = full.get(i)[length - horizon + h][0];
                    inside[l] += actual >= lower[h] && actual <= upper[h] ? 1 : 0;
                }
            }
        }
        double points = series * horizon;
        assertThat(inside[0] / points).as("80 percent coverage").isBetween(0.65, 0.93);
        assertThat(inside[1] / points).as("95 percent coverage").isBetween(0.85, 1.0);
    }

    @Test
    void anIntervalTheBacktestHasTooFewCasesToCalibrateIsRefusedSayingHowManyItNeeds() {
        float[][] values = new float[26][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) (10 + Math.sin(t * 0.5));
        }
        try (ForecastModel trained = ENGINE.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.RNN, 8, 1, 0, 12, 6), TrainingSpec.builder().epochs(2).build(),
                TrainingListener.NONE)) {
            assertThat(trained.manifest().backtest().calibration().cases()).isLessThan(99 / 6);
            registry.publish("short", trained);
        }
        assertThatThrownBy(() -> service(Duration.ofSeconds(10)).forecast("short", null, null,
                new ForecastRequest(null, request(1, 30, 6).series(), null, 6, List.of(99.0), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/levels");
                    assertThat(e.getMessage()).contains("needs at least 99 calibration cases");
                });
    }

    @Test
    void aTrajectoryForecastCarriesARadiusPerPointAndLevelButNoQuantiles() {
        List<Sequence> tracks = new ArrayList<>();
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 6; i++) {
            float[][] track = new float[50][2];
            for (int t = 0; t < track.length; t++) {
                track[t] = new float[] {i + 0.5f * t + (float) random.nextGaussian() * 0.1f,
                        (float) Math.sin(t * 0.2 + i) + (float) random.nextGaussian() * 0.1f};
            }
            tracks.add(new Sequence("t" + i, track));
        }
        try (ForecastModel trained = ENGINE.train(new SequenceData(io.seqcast.engine.SequenceKind.TRAJECTORY,
                List.of("x", "y"), tracks, 1), new ModelSpec(CellType.GRU, 8, 1, 0, 8, 3),
                TrainingSpec.builder().epochs(3).build(), TrainingListener.NONE)) {
            registry.publish("tracks", trained);
        }
        List<io.seqcast.data.PointPayload> points = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            points.add(new io.seqcast.data.PointPayload(0.5 * t, Math.sin(t * 0.2), null, null));
        }
        List<io.seqcast.data.TrajectoryPayload> trajectories = List.of(new io.seqcast.data.TrajectoryPayload("a", points));
        ForecastResponse response = service(Duration.ofSeconds(10)).forecast("tracks", null, null,
                new ForecastRequest(null, null, trajectories, 3, List.of(50.0, 90.0), null));
        List<ForecastResponse.Radii> radii = response.forecasts().get(0).radii();
        assertThat(radii).extracting(ForecastResponse.Radii::level).containsExactly(50.0, 90.0);
        for (int h = 0; h < 3; h++) {
            assertThat(radii.get(1).radii()[h]).isGreaterThanOrEqualTo(radii.get(0).radii()[h]).isPositive();
        }
        assertThatThrownBy(() -> service(Duration.ofSeconds(10)).forecast("tracks", null, null,
                new ForecastRequest(null, null, trajectories, 3, null, List.of(0.9))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/quantiles"));
    }

    @Test
    void tenThousandSeriesRolledOut1024StepsAreRefusedWith422BeforeAnyWork() {
        ForecastService service = service(Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThatThrownBy(() -> service.forecast("m", null, null, request(10_000, 40, 1024)))
                .isInstanceOfSatisfying(ForecastService.ForecastTooLarge.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getBody().getDetail()).contains("10,240,000 values", "1,000,000",
                            "seqcast.forecasting.max-values");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> service.forecast("m", null, null, request(1_000, 40, 900)))
                .isInstanceOfSatisfying(ForecastService.ForecastTooLarge.class,
                        e -> assertThat(e.getBody().getDetail()).contains("seqcast.forecasting.max-work", "fewer series (at most",
                                "closer to the model's (1)"));
        assertThat(service.forecast("m", null, null, request(100, 40, 12)).forecasts()).hasSize(100);
    }

    @Test
    void aForecastThatOutlivesItsTimeoutStopsWith503AndRetryAfter() {
        ForecastService service = service(Duration.ofNanos(1));
        assertThatThrownBy(() -> service.forecast("m", null, null, request(200, 40, 50)))
                .isInstanceOfSatisfying(ForecastService.ForecastTimedOut.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
    }

    private ForecastService service(Duration timeout) {
        return service(registry, ENGINE, timeout);
    }

    private ForecastService service(ModelRegistry registry, DjlSequenceEngine engine, Duration timeout) {
        ForecastingProperties properties = new ForecastingProperties(4, DataSize.ofMegabytes(64), 1_000_000,
                10_000_000_000L, timeout, 1, 64, Duration.ZERO, 4096);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        InferenceQueue queue = new InferenceQueue(properties, meters);
        queues.add(queue);
        return new ForecastService(registry, new ModelCache(registry, properties), PARSER, meters, properties, queue,
                engine);
    }

    private static ForecastRequest request(int series, int points, int horizon) {
        List<SeriesPayload> payloads = new ArrayList<>(series);
        for (int s = 0; s < series; s++) {
            double[] values = new double[points];
            for (int t = 0; t < points; t++) {
                values[t] = Math.sin((t + s) * 0.4);
            }
            payloads.add(new SeriesPayload("s" + s, SeriesValues.of(values), null, null));
        }
        return new ForecastRequest(null, payloads, null, horizon, null, null);
    }
}
