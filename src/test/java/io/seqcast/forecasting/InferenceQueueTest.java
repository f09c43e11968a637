package io.seqcast.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seqcast.Deadline;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DelegatingModel;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.RollOut;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class InferenceQueueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static DjlSequenceEngine engine;
    private static ForecastModel model;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<InferenceQueue> queues = new ArrayList<>();
    private final List<CountDownLatch> blocked = new ArrayList<>();

    @BeforeAll
    static void aTrainedNetwork() {
        engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024);
        float[][] series = new float[300][1];
        for (int t = 0; t < series.length; t++) {
            series[t][0] = (float) (Math.sin(t * 0.3) + 0.01 * t);
        }
        model = engine.train(SequenceData.univariate(List.of(new Sequence("s", series)), 1),
                new ModelSpec(CellType.LSTM, 16, 2, 0.0, 12, 4),
                TrainingSpec.builder().epochs(2).networkOnly(true).build(), TrainingListener.NONE);
    }

    @AfterAll
    static void closeEngine() {
        model.close();
        engine.close();
    }

    @AfterEach
    void stopQueues() throws InterruptedException {
        blocked.forEach(CountDownLatch::countDown);
        for (InferenceQueue queue : queues) {
            queue.destroy();
        }
    }

    @Test
    void forecastsBatchedAcrossConcurrentRequestsAreBitIdenticalToUnbatchedOnes() throws Exception {
        InferenceQueue queue = queue(2, 16, Duration.ofMillis(2), 100_000);
        Random random = new Random(3);
        List<List<float[][]>> requests = new ArrayList<>();
        List<Integer> horizons = new ArrayList<>();
        for (int r = 0; r < 24; r++) {
            int series = 1 + random.nextInt(r % 4 == 0 ? 40 : 5); // some span several batches of 16
            List<float[][]> histories = new ArrayList<>();
            for (int i = 0; i < series; i++) {
                float[][] history = new float[12 + random.nextInt(30)][1]; // longer than the window, unevenly
                for (float[] point : history) {
                    point[0] = (float) random.nextGaussian();
                }
                histories.add(history);
            }
            requests.add(histories);
            horizons.add(1 + random.nextInt(10)); // up to 3 roll-out passes of the horizon-4 model
        }
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<List<float[][]>>> batched = new ArrayList<>();
            for (int r = 0; r < requests.size(); r++) {
                List<float[][]> histories = requests.get(r);
                int horizon = horizons.get(r);
                batched.add(clients.submit(() -> run(queue, model, histories, horizon)));
            }
            for (int r = 0; r < requests.size(); r++) {
                List<float[][]> alone = model.forecast(requests.get(r), horizons.get(r));
                List<float[][]> together = batched.get(r).get(1, TimeUnit.MINUTES);
                assertThat(together).hasSameSizeAs(alone);
                for (int i = 0; i < alone.size(); i++) {
                    assertThat(Arrays.deepEquals(together.get(i), alone.get(i)))
                            .as("request %d series %d", r, i).isTrue();
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(meters.get("seqcast.forecast.batch.windows").summary().max())
                .as("passes of different requests shared batches").isGreaterThan(1);
        assertThat(meters.get("seqcast.forecast.batch.windows").summary().max()).isLessThanOrEqualTo(16);
    }

    @Test
    void aRequestThatDoesNotFitTheQueueIsRefusedAt503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        ForecastModel slow = blocking(running, release, new AtomicInteger());
        InferenceQueue queue = queue(1, 64, Duration.ZERO, 10);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<float[]> first = clients.submit(() -> pass(queue, slow, 1)); // runs on its thread, holding the one core
            Deadline.released(running);
            Future<float[]> second = clients.submit(() -> pass(queue, slow, 8)); // waits in the queue for the core
            Deadline.await(Duration.ofMinutes(1), "the second pass is queued", () -> queue.depth() == 8);
            assertThatThrownBy(() -> pass(queue, slow, 3)).isInstanceOfSatisfying(QueueFull.class, e -> {
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            });
            assertThat(meters.get("seqcast.forecast.rejected").tag("reason", "queue-full").counter().count())
                    .isEqualTo(1);
            release.countDown();
            assertThat(first.get(1, TimeUnit.MINUTES)).hasSize(slow.passOutputSize());
            assertThat(second.get(1, TimeUnit.MINUTES)).hasSize(8 * slow.passOutputSize());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aPassWhoseRequestTimedOutIsDroppedUnrun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        ForecastModel slow = blocking(running, release, passes);
        InferenceQueue queue = queue(1, 64, Duration.ZERO, 100);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try {
            Future<float[]> first = clients.submit(() -> pass(queue, slow, 1));
            Deadline.released(running);
            long deadline = System.nanoTime() + Duration.ofMillis(50).toNanos();
            assertThatThrownBy(() -> queue.run(slow, new float[2 * slow.passInputSize()], 2, deadline,
                    Duration.ofMillis(50))).isInstanceOf(ForecastTimeoutException.class);
            release.countDown();
            first.get(1, TimeUnit.MINUTES);
            float[] later = pass(queue, slow, 1);
            assertThat(later).hasSize(slow.passOutputSize());
            assertThat(passes.get()).as("the first and the later pass ran; the abandoned one did not").isEqualTo(2);
            assertThat(queue.depth()).isZero();
        } finally {
            clients.shutdownNow();
        }
    }

    private InferenceQueue queue(int workers, int maxBatch, Duration delay, int capacity) {
        InferenceQueue queue = new InferenceQueue(new ForecastingProperties(4, DataSize.ofMegabytes(64), 1_000_000,
                10_000_000_000L, TIMEOUT, workers, maxBatch, delay, capacity), meters);
        queues.add(queue);
        return queue;
    }

    /** The real model, whose passes wait for {@code release} once {@code running} is counted down. */
    private ForecastModel blocking(CountDownLatch running, CountDownLatch release, AtomicInteger passes) {
        blocked.add(release);
        return new DelegatingModel(model) {
            @Override
            public float[] pass(float[] input, int windows) {
                passes.incrementAndGet();
                running.countDown();
                Deadline.released(release);
                return super.pass(input, windows);
            }
        };
    }

    private static float[] pass(InferenceQueue queue, ForecastModel model, int windows) {
        return queue.run(model, new float[windows * model.passInputSize()], windows,
                System.nanoTime() + TIMEOUT.toNanos(), TIMEOUT);
    }

    private static List<float[][]> run(InferenceQueue queue, ForecastModel model, List<float[][]> histories,
            int horizon) {
        RollOut rollOut = model.rollOut(histories, horizon, TIMEOUT);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int windows = rollOut.windows(); windows > 0; windows = rollOut.windows()) {
            rollOut.accept(queue.run(model, rollOut.input(), windows, deadline, TIMEOUT));
        }
        return rollOut.result();
    }
}
