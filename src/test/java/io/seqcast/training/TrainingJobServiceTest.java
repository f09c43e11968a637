package io.seqcast.training;

import io.seqcast.Deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.data.DataLimits;
import io.seqcast.data.DataPayload;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.SeriesPayload;
import io.seqcast.data.SeriesValues;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.OptimizerType;
import io.seqcast.engine.internal.DjlSequenceEngine;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.registry.RegistryProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

class TrainingJobServiceTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private TrainingJobService service;
    private ModelRegistry registry;

    private TrainingJobService open(int queueCapacity) {
        TrainingProperties properties = properties(queueCapacity);
        registry = new ModelRegistry(new RegistryProperties(folder.resolve("registry")), ENGINE, e -> {});
        service = new TrainingJobService(new JobStore(properties), ENGINE, registry,
                new PayloadParser(new DataLimits(100, 100_000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1))), properties, Clock.systemUTC(), e -> {});
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.destroy();
        }
    }

    @Test
    void healthIsDownOnceTheJobFolderCannotBeWritten() throws Exception {
        TrainingHealthIndicator health = new TrainingHealthIndicator(new JobStore(properties(4)));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("jobStoreWritable", true);
        Files.delete(folder.resolve("jobs"));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("jobStoreWritable", false);
    }

    @Test
    void aSucceededJobRegistersExactlyOneVersionAndRecordsItsLosses() throws Exception {
        open(4);
        TrainingJob job = service.submit(request("demand", 5, 400));
        TrainingJob done = await(job.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result().version()).isEqualTo(1);
        assertThat(done.result().metrics()).isNotNull();
        assertThat(done.lossHistory()).hasSize(done.progress().epoch());
        assertThat(registry.model("demand").versions()).containsExactly(1);
        assertThat(done.startedAt()).isAfterOrEqualTo(done.createdAt());
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingIsStored() throws Exception {
        open(4);
        assertThatThrownBy(() -> service.submit(request("Bad Name", 5, 100))).hasMessageContaining("model names");
        assertThatThrownBy(() -> service.submit(request("demand", 5, 10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("window + horizon");
        assertThatThrownBy(() -> service.submit(request("demand", 20_000, 100)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("epochs must be between 1 and 10000");
        try (var files = Files.list(folder.resolve("jobs"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCancelledJobStopsAndRegistersNothing() throws Exception {
        open(4);
        TrainingJob job = service.submit(request("slow", 10_000, 2_000));
        Deadline.await(Duration.ofMinutes(1), "job started", () -> service.get(job.id()).status() != JobStatus.QUEUED);
        service.cancel(job.id());
        TrainingJob done = await(job.id());
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.result()).isNull();
        assertThat(registry.models()).isEmpty();
        assertThatThrownBy(() -> service.cancel(job.id())).isInstanceOf(TrainingException.JobFinished.class);
    }

    @Test
    void aFullQueueRefusesWithRetryAfterAndQueuedJobsCanBeCancelled() throws Exception {
        open(1);
        TrainingJob running = service.submit(request("slow", 10_000, 2_000));
        Deadline.await(Duration.ofMinutes(1), "job started", () -> service.get(running.id()).status() != JobStatus.QUEUED);
        TrainingJob queued = service.submit(request("slow", 10_000, 2_000));
        assertThatThrownBy(() -> service.submit(request("slow", 10_000, 2_000)))
                .isInstanceOfSatisfying(TrainingException.QueueFull.class,
                        e -> assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30"));
        assertThat(service.cancel(queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        service.cancel(running.id());
        await(running.id());
        assertThat(service.list("slow", null)).hasSize(2);
    }

    @Test
    void afterARestartARunningJobIsInterruptedAndAQueuedOneRunsAgain() throws Exception {
        Path jobs = Files.createDirectories(folder.resolve("jobs"));
        TrainingJob running = new TrainingJob("r1", "demand", JobStatus.RUNNING, new TrainingJob.Progress(3, 10, 0.5, 0.6),
                List.of(), null, null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"), null);
        TrainingJob queued = new TrainingJob("q1", "demand", JobStatus.QUEUED, new TrainingJob.Progress(0, 5, null, null),
                List.of(), null, null, Instant.parse("2026-01-01T00:00:02Z"), null, null);
        Files.write(jobs.resolve("r1.json"), JSON.writeValueAsBytes(running));
        Files.write(jobs.resolve("q1.json"), JSON.writeValueAsBytes(queued));
        Files.write(jobs.resolve("q1.request.json"), JSON.writeValueAsBytes(request("demand", 5, 300)));
        open(4).recover();
        assertThat(service.get("r1").status()).isEqualTo(JobStatus.INTERRUPTED);
        assertThat(service.get("r1").error()).contains("stopped while this job was running");
        assertThat(await("q1").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.resolve("q1.request.json")).doesNotExist();
    }

    @Test
    void twoReplicasOnOneJobFolderLeaveEachOthersJobsAloneButCanCancelThem() throws Exception {
        TrainingJobService first = open(4);
        TrainingJob job = first.submit(request("shared", 10_000, 2_000));
        Deadline.await(Duration.ofMinutes(1), "job started", () -> first.get(job.id()).status() != JobStatus.QUEUED);
        TrainingProperties properties = properties(4);
        TrainingJobService second = new TrainingJobService(new JobStore(properties), ENGINE, registry,
                new PayloadParser(new DataLimits(100, 100_000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1))),
                properties, Clock.systemUTC(), e -> {});
        try {
            second.recover();
            List<TrainingJob> seenBySecond = new java.util.concurrent.CopyOnWriteArrayList<>();
            second.subscribe(job.id(), 0, seenBySecond::add);
            assertThat(first.get(job.id()).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(second.get(job.id()).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(second.list("shared", null)).hasSize(1);
            second.cancel(job.id());
            assertThat(await(job.id()).status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(second.get(job.id()).status()).isEqualTo(JobStatus.CANCELLED);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seenBySecond.stream().noneMatch(j -> j.status() == JobStatus.CANCELLED)) {
                assertThat(System.nanoTime()).as("the other replica's follower saw the end").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            second.destroy();
        }
    }

    @Test
    void aTrainingThatRunsOutOfMemoryFailsWithAReasonAndTheServiceGoesOn() throws Exception {
        io.seqcast.engine.SequenceEngine exhausted = org.mockito.Mockito.mock(io.seqcast.engine.SequenceEngine.class);
        org.mockito.Mockito.when(exhausted.train(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new OutOfMemoryError("Java heap space"));
        TrainingProperties properties = properties(4);
        registry = new ModelRegistry(new RegistryProperties(folder.resolve("registry")), exhausted, e -> {});
        service = new TrainingJobService(new JobStore(properties), exhausted, registry,
                new PayloadParser(new DataLimits(100, 100_000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1))),
                properties, Clock.systemUTC(), e -> {});
        TrainingJob done = await(service.submit(request("huge", 5, 400)).id());
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).contains("ran out of memory");
        assertThat(registry.models()).isEmpty();
        assertThat(await(service.submit(request("huge", 5, 400)).id()).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aDivergingTrainingFailsWithAReasonAndRegistersNothing() throws Exception {
        open(4);
        DataPayload series = data(400);
        // No season (none detected either): the default model that this learning rate is known to blow up.
        TrainingRequest diverging = new TrainingRequest("wild",
                new DataPayload(series.features(), series.series(), series.trajectories(), 1), null, new TrainingPayload(50, 8,
                OptimizerType.SGD, 10.0, 0.99, io.seqcast.engine.LossType.MSE, 0.0, null, 0.0, 0, 1L, null, 1));
        TrainingJob done = await(service.submit(diverging).id());
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).contains("diverged");
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void recoveryLeavesAJobThatItsOwnerFinishedBetweenListingAndClaimAlone() {
        TrainingProperties properties = properties(4);
        Instant started = Instant.parse("2026-11-27T10:00:00Z");
        TrainingJob running = new TrainingJob("job-1", "demand", JobStatus.RUNNING,
                new TrainingJob.Progress(3, 10, 0.1, null), List.of(), null, null, started, started, null);
        new JobStore(properties).save(running);
        JobStore racing = new JobStore(properties) {
            @Override
            boolean claim(String id) {
                // The replica that ran it records its end just before this one claims it.
                new JobStore(properties).save(running.succeeded(new TrainingJob.Result("demand", 1, null, 1, null, 0),
                        started.plusSeconds(5)));
                return super.claim(id);
            }
        };
        registry = new ModelRegistry(new RegistryProperties(folder.resolve("registry")), ENGINE, e -> {});
        service = new TrainingJobService(racing, ENGINE, registry, parser(), properties, Clock.systemUTC(), e -> {});
        service.recover();
        assertThat(service.get("job-1").status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(new JobStore(properties).find("job-1").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(racing.owns("job-1")).isFalse();
    }

    @Test
    void aJobWhoseEndCannotBeRecordedEndsFailedAndGivesUpItsClaim() throws Exception {
        TrainingProperties properties = properties(4);
        JobStore full = new JobStore(properties) {
            @Override
            void save(TrainingJob job) {
                if (job.status().finished()) {
                    throw new java.io.IOError(new java.io.IOException("No space left on device"));
                }
                super.save(job);
            }
        };
        registry = new ModelRegistry(new RegistryProperties(folder.resolve("registry")), ENGINE, e -> {});
        service = new TrainingJobService(full, ENGINE, registry, parser(), properties, Clock.systemUTC(), e -> {});
        TrainingJob done = await(service.submit(request("full-disk", 3, 400)).id());
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error()).contains("could not be recorded", "No space left on device");
        assertThat(full.owns(done.id())).isFalse();
        assertThat(new JobStore(properties).claim(done.id())).as("the claim is free for a restart's recovery").isTrue();
    }

    @Test
    void aStalledSubscriberNeverSlowsAJobAndEachEventCarriesOnlyEpochsNotSentBefore() throws Exception {
        open(4);
        TrainingJob job = service.submit(request("watched", 40, 400));
        java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
        List<TrainingJob> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        service.subscribe(job.id(), 0, event -> {
            received.add(event);
            try {
                stalled.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TrainingJob done = await(job.id());
        assertThat(done.status()).as("finished while its only subscriber was stalled").isEqualTo(JobStatus.SUCCEEDED);
        assertThat(received).hasSizeLessThanOrEqualTo(1);
        stalled.countDown();
        Deadline.await(Duration.ofMinutes(1), "the subscriber saw the end",
                () -> received.stream().anyMatch(event -> event.status().finished()));
        List<Integer> epochs = received.stream().flatMap(event -> event.lossHistory().stream())
                .map(TrainingJob.EpochLoss::epoch).toList();
        assertThat(epochs).as("every epoch exactly once, in order")
                .isEqualTo(done.lossHistory().stream().map(TrainingJob.EpochLoss::epoch).toList());
        assertThat(received.size()).as("a stalled subscriber's backlog arrives as one event").isLessThanOrEqualTo(3);
    }

    private TrainingProperties properties(int queueCapacity) {
        return new TrainingProperties(folder.resolve("jobs"), queueCapacity, 1, 10_000, 30, 512, 4, 2048, 9, null);
    }

    private static PayloadParser parser() {
        return new PayloadParser(new DataLimits(100, 100_000, 8, org.springframework.util.unit.DataSize.ofMegabytes(1)));
    }

    private TrainingJob await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!service.get(id).status().finished()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
        return service.get(id);
    }

    private static TrainingRequest request(String model, int epochs, int points) {
        return new TrainingRequest(model, data(points), new SpecPayload(null, 8, null, null, 12, 3),
                new TrainingPayload(epochs, null, null, null, null, null, null, null, null, 0, 3L, null, 1));
    }

    private static DataPayload data(int points) {
        double[] values = new double[points];
        for (int t = 0; t < points; t++) {
            values[t] = 100 + 10 * Math.sin(t * 0.5) + t * 0.1;
        }
        return new DataPayload(null, List.of(new SeriesPayload("s", SeriesValues.of(values), null, null)), null, null);
    }
}
