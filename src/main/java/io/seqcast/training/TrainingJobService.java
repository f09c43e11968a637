package io.seqcast.training;

import io.seqcast.data.PayloadParser;
import io.seqcast.api.ProblemException;
import io.seqcast.engine.SavedModel;
import io.seqcast.engine.Task;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.engine.TrainingCancelledException;
import io.seqcast.engine.TrainingFailedException;
import io.seqcast.registry.ModelRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs training jobs from a bounded queue on a fixed number of threads, persists every state change,
 * and registers exactly one version for every job that succeeds.
 */
@Service
class TrainingJobService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobService.class);

    private final JobStore store;
    private final SequenceEngine engine;
    private final ModelRegistry registry;
    private final PayloadParser parser;
    private final TrainingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor executor;
    private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final JobEvents events = new JobEvents();

    TrainingJobService(JobStore store, SequenceEngine engine, ModelRegistry registry, PayloadParser parser,
            TrainingProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.engine = engine;
        this.registry = registry;
        this.parser = parser;
        this.properties = properties;
        this.clock = clock;
        this.publisher = events;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.queueCapacity()),
                r -> {
                    Thread thread = new Thread(r, "training-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * After a restart no job stays QUEUED or RUNNING forever: a job that was running is INTERRUPTED,
     * queued ones run again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        List<TrainingJob> queued = new ArrayList<>();
        for (TrainingJob seen : store.all()) {
            // A job this process already owns was submitted since startup and runs here.
            if (seen.status().finished() || store.owns(seen.id()) || !store.claim(seen.id())) {
                continue;
            }
            // Read again now that it is ours: its owner may have finished it between the listing and the claim.
            TrainingJob job = store.find(seen.id()).orElse(seen);
            if (job.status().finished()) {
                store.release(job.id());
                continue;
            }
            if (job.status() == JobStatus.RUNNING) {
                finish(job.ended(JobStatus.INTERRUPTED, "the service stopped while this job was running;"
                        + " nothing was registered, submit it again", clock.instant()));
            } else if (job.status() == JobStatus.QUEUED) {
                queued.add(job);
            }
        }
        queued.sort(Comparator.comparing(TrainingJob::createdAt));
        for (TrainingJob job : queued) {
            TrainingPlan plan;
            try {
                plan = store.request(job.id()).map(r -> TrainingPlan.of(r, parser, engine, properties))
                        .orElseThrow(() -> new IllegalStateException("its request was not kept"));
                executor.execute(() -> run(job.id(), plan));
                log.info("Requeued training job {} of model '{}'", job.id(), job.model());
            } catch (RuntimeException e) {
                finish(job.ended(JobStatus.INTERRUPTED, "could not be requeued after a restart: " + e.getMessage(),
                        clock.instant()));
            }
        }
    }

    /** The epochs a job's progress will count: a forecasting model may train more than one network. */
    private int plannedEpochs(TrainingPlan plan) {
        return plan.task() == Task.CLASSIFICATION ? plan.training().epochs()
                : engine.plannedEpochs(plan.data(), plan.spec(), plan.training());
    }

    /** Validates and queues a job; the request is refused (nothing stored) when invalid or the queue is full. */
    public TrainingJob submit(TrainingRequest request) {
        TrainingPlan plan = TrainingPlan.of(request, parser, engine, properties);
        registry.requireTask(plan.model(), plan.task());
        TrainingJob job = new TrainingJob(UUID.randomUUID().toString(), plan.model(), JobStatus.QUEUED,
                new TrainingJob.Progress(0, plannedEpochs(plan), null, null), List.of(), null, null,
                clock.instant(), null, null);
        store.claim(job.id());
        store.saveRequest(job.id(), request);
        store.save(job);
        try {
            executor.execute(() -> run(job.id(), plan));
        } catch (RejectedExecutionException e) {
            store.forget(job.id());
            throw new TrainingException.QueueFull(properties.queueCapacity(), properties.retryAfterSeconds());
        }
        return job;
    }

    public TrainingJob get(String id) {
        return store.find(id).orElseThrow(() -> new TrainingException.JobNotFound(id));
    }

    /** Jobs newest first, filtered by model and status when given. */
    public List<TrainingJob> list(String model, JobStatus status) {
        return store.all().stream()
                .filter(j -> model == null || j.model().equals(model))
                .filter(j -> status == null || j.status() == status)
                .sorted(Comparator.comparing(TrainingJob::createdAt).reversed().thenComparing(TrainingJob::id))
                .toList();
    }

    /**
     * Asks a job to stop: a queued one never starts, a running one stops between batches. A job another
     * replica owns is asked through the shared job folder.
     */
    public TrainingJob cancel(String id) {
        TrainingJob job = get(id);
        if (job.status().finished()) {
            throw new TrainingException.JobFinished(id, job.status());
        }
        if (!store.owns(id)) {
            store.requestCancel(id);
            return job;
        }
        cancelRequested.add(id);
        synchronized (this) {
            TrainingJob current = get(id);
            if (current.status() == JobStatus.QUEUED) {
                return finish(current.ended(JobStatus.CANCELLED, "cancelled before it started", clock.instant()));
            }
            return current;
        }
    }

    /**
     * Calls {@code subscriber} with every change of the job until it ends, off the training thread;
     * returns a handle to stop. Each call carries only the epochs not yet sent, counting the first
     * {@code alreadySent} as sent. A job another replica runs is followed through the shared job folder,
     * twice a second.
     */
    public Runnable subscribe(String id, int alreadySent, Consumer<TrainingJob> subscriber) {
        TrainingJob current = get(id);
        if (!store.owns(id) && !current.status().finished()) {
            return events.follow(current, alreadySent, subscriber, () -> get(id));
        }
        return events.subscribe(id, alreadySent, subscriber, () -> get(id));
    }

    private void run(String id, TrainingPlan plan) {
        TrainingJob job;
        synchronized (this) {
            job = get(id);
            if (job.status() != JobStatus.QUEUED) {
                return;
            }
            if (store.cancelRequested(id)) {
                finish(job.ended(JobStatus.CANCELLED, "cancelled before it started", clock.instant()));
                return;
            }
            job = update(job.started(clock.instant()), true);
        }
        ProgressRecorder recorder = new ProgressRecorder(id, store, cancelRequested,
                (progress, history, persist) -> update(get(id).progressed(progress, history), persist));
        try (SavedModel model = plan.task() == Task.CLASSIFICATION
                ? engine.trainClassifier(plan.labelled(), plan.classifier(), plan.training(), recorder)
                : engine.train(plan.data(), plan.spec(), plan.training(), recorder)) {
            if (cancelRequested.contains(id)) {
                throw new TrainingCancelledException(recorder.epoch());
            }
            int version = registry.publish(plan.model(), model);
            finish(get(id).succeeded(TrainingJob.Result.of(plan.model(), version, model.manifest(), plan.filled()),
                    clock.instant()));
        } catch (TrainingCancelledException e) {
            finish(stopping
                    ? get(id).ended(JobStatus.INTERRUPTED, "the service stopped while this job was running;"
                            + " nothing was registered, submit it again", clock.instant())
                    : get(id).ended(JobStatus.CANCELLED, "cancelled during epoch " + (recorder.epoch() + 1),
                            clock.instant()));
        } catch (TrainingFailedException | InvalidInputException e) {
            finish(get(id).ended(JobStatus.FAILED, e.getMessage(), clock.instant()));
        } catch (ProblemException e) {
            // Refused by the registry at publication (another task's version was published meanwhile).
            finish(get(id).ended(JobStatus.FAILED, e.getBody().getDetail(), clock.instant()));
        } catch (OutOfMemoryError e) {
            finish(get(id).ended(JobStatus.FAILED, "ran out of memory; use fewer or shorter series or a smaller"
                    + " model", clock.instant()));
        } catch (RuntimeException | Error e) {
            log.error("Training job {} failed", id, e);
            finish(get(id).ended(JobStatus.FAILED, "training failed unexpectedly; see the service log",
                    clock.instant()));
        } finally {
            cancelRequested.remove(id);
        }
    }

    /**
     * Records a job's end and gives up its claim, whatever happens while recording: a job whose end
     * cannot be written (disk full, an I/O error, any Error) ends FAILED with the reason, in memory if
     * the disk refuses even that, and never stays RUNNING with its claim held.
     */
    private TrainingJob finish(TrainingJob job) {
        TrainingJob ended = job;
        boolean recorded = true;
        // An interrupt (shutdown stops the training threads) would close the file channel mid-write.
        boolean interrupted = Thread.interrupted();
        try {
            try {
                store.save(job);
            } catch (RuntimeException | Error e) {
                log.error("Could not record the end ({}) of training job {}", job.status(), job.id(), e);
                ended = job.ended(JobStatus.FAILED, "the job's end could not be recorded ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "); nothing of it can be trusted, submit it again", clock.instant());
                try {
                    store.save(ended);
                } catch (RuntimeException | Error again) {
                    recorded = false;
                }
            }
            store.deleteRequest(job.id());
        } finally {
            store.release(job.id());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!recorded) {
            // The disk still says otherwise; this process at least answers the truth until it restarts.
            store.remember(ended);
        }
        log.info("Training job {} of model '{}' ended {}{}", ended.id(), ended.model(), ended.status(),
                ended.error() == null ? "" : ": " + ended.error());
        events.publish(ended);
        publisher.publishEvent(new TrainingJobFinished(ended));
        return ended;
    }

    private TrainingJob update(TrainingJob job, boolean persist) {
        if (persist) {
            store.save(job);
        } else {
            store.remember(job);
        }
        events.publish(job);
        return job;
    }

    /** Marks running jobs INTERRUPTED on shutdown, so none stays RUNNING. */
    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
        for (TrainingJob job : store.all()) {
            if (job.status() == JobStatus.RUNNING && store.owns(job.id())) {
                cancelRequested.add(job.id());
            }
        }
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TrainingJob job : store.all()) {
            if (job.status() == JobStatus.RUNNING && store.owns(job.id())) {
                finish(job.ended(JobStatus.INTERRUPTED, "the service stopped while this job was running;"
                        + " nothing was registered, submit it again", clock.instant()));
            }
        }
        // Last: the ends above still reach their subscribers.
        events.close();
    }
}
