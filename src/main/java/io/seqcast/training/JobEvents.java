package io.seqcast.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a job's changes to its subscribers off the training thread: publishing only hands the
 * change over, so a slow or stalled subscriber never slows a job. Each delivery carries the job as it
 * now stands with only the epochs that subscriber has not yet been sent in {@code lossHistory}; a
 * subscriber that falls behind gets the latest state once, with every epoch it missed. A job another
 * replica runs is followed through the shared job folder instead.
 */
final class JobEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final Map<String, List<Subscription>> byJob = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    private final ScheduledExecutorService followers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "job-followers");
        thread.setDaemon(true);
        return thread;
    });

    JobEvents() {
        AtomicInteger threads = new AtomicInteger();
        this.delivery = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "job-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Subscribes to a job whose first {@code alreadySent} epochs the subscriber has seen. {@code latest}
     * is read once subscribed: a job that ended just before is delivered from it, as its end was
     * published before this subscription could see it.
     */
    Runnable subscribe(String id, int alreadySent, Consumer<TrainingJob> subscriber, Supplier<TrainingJob> latest) {
        Subscription subscription = new Subscription(subscriber, alreadySent);
        byJob.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(subscription);
        TrainingJob now = latest.get();
        if (now.status().finished()) {
            subscription.offer(now);
            remove(id, subscription);
        }
        return () -> remove(id, subscription);
    }

    /**
     * Follows a job another replica runs through the shared job folder ({@code read}), twice a second,
     * sending each change with only the epochs not sent before, until the job ends.
     */
    Runnable follow(TrainingJob current, int alreadySent, Consumer<TrainingJob> subscriber, Supplier<TrainingJob> read) {
        // Read here, delivered as local jobs are: a slow subscriber holds its own delivery, not the reader.
        Subscription subscription = new Subscription(subscriber, alreadySent);
        AtomicReference<TrainingJob> last = new AtomicReference<>(current);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(followers.scheduleWithFixedDelay(() -> {
            try {
                TrainingJob now = read.get();
                if (!now.equals(last.getAndSet(now))) {
                    subscription.offer(now);
                }
                if (now.status().finished()) {
                    task.get().cancel(false);
                }
            } catch (RuntimeException e) {
                task.get().cancel(false);
            }
        }, 500, 500, TimeUnit.MILLISECONDS));
        return () -> task.get().cancel(false);
    }

    /** Hands a change to every subscriber of the job; never blocks on them. */
    void publish(TrainingJob job) {
        for (Subscription subscription : byJob.getOrDefault(job.id(), List.of())) {
            subscription.offer(job);
        }
        if (job.status().finished()) {
            byJob.remove(job.id());
        }
    }

    private void remove(String id, Subscription subscription) {
        List<Subscription> subscriptions = byJob.get(id);
        if (subscriptions != null) {
            subscriptions.remove(subscription);
        }
    }

    @Override
    public void close() {
        followers.shutdownNow();
        delivery.shutdownNow();
    }

    /** One subscriber's pending state: the newest job seen, and whether a delivery is under way. */
    private final class Subscription {
        private final Consumer<TrainingJob> subscriber;
        private int sentEpochs;
        private TrainingJob pending;
        private boolean delivering;
        private boolean dropped;

        Subscription(Consumer<TrainingJob> subscriber, int sentEpochs) {
            this.subscriber = subscriber;
            this.sentEpochs = sentEpochs;
        }

        synchronized void offer(TrainingJob job) {
            if (dropped) {
                return;
            }
            pending = job;
            if (!delivering) {
                delivering = true;
                try {
                    delivery.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    dropped = true;
                }
            }
        }

        private void drain() {
            while (true) {
                TrainingJob job;
                int from;
                synchronized (this) {
                    if (pending == null || dropped) {
                        delivering = false;
                        return;
                    }
                    job = pending;
                    pending = null;
                    from = Math.min(sentEpochs, job.lossHistory().size());
                    sentEpochs = job.lossHistory().size();
                }
                try {
                    subscriber.accept(job.withLossHistory(new ArrayList<>(job.lossHistory().subList(from,
                            job.lossHistory().size()))));
                } catch (RuntimeException gone) {
                    log.debug("Dropping a subscriber of job {}: {}", job.id(), gone.getMessage());
                    synchronized (this) {
                        dropped = true;
                        delivering = false;
                    }
                    return;
                }
            }
        }
    }
}
