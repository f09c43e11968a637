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
                new ModelSpec(CellType.LSTM, 32, 1, 0, 24, 1), TrainingSpec.builder().epochs(1).build(),
                TrainingListener.NONE)) {
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
                        e -> assertThat(e.getBody().getDetail()).contains("seqcast.forecasting.max-work", "(1)"));
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
                3_000_000_000L, timeout, 1, 64, Duration.ZERO, 4096);
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
        return new ForecastRequest(null, payloads, null, horizon);
    }
}
