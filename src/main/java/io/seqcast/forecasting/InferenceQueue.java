package io.seqcast.forecasting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.seqcast.engine.NetworkPasses;
import io.seqcast.engine.ForecastTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Dynamic batching of network passes, as model servers do it (DJL Serving's batch size and delay,
 * Triton's dynamic batcher): request threads queue the passes of their forecasts; a fixed set of
 * inference workers takes the oldest pass, adds every queued pass of the same model version up to
 * {@code max-batch} windows (splitting a pass across batches where it does not fit) and runs them as one
 * native call. A few threads running full batches keep the cores busy with the network instead of with
 * dozens of threads contending for them. A window's output does not depend on its batch, so the numbers
 * are those of an unbatched forecast.
 *
 * <p>A pass that finds the queue empty and a core free runs on its request's thread at once, within the
 * same bound on passes running together: batching is for load, and costs a light load nothing.
 *
 * <p>The queue is bounded in windows: a request that does not fit is refused at once (503, Retry-After)
 * rather than queued behind work it cannot outwait. A pass whose request gave up is dropped unrun.
 */
@Component
class InferenceQueue implements DisposableBean {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<QueuedPass> passes = new ArrayDeque<>();
    private int queuedWindows;
    private boolean stopped;

    private final int maxBatch;
    private final long maxDelayNanos;
    private final int capacity;
    private final List<Thread> workers = new ArrayList<>();
    /** Network passes running at once, by workers or by a request's own thread: one per worker. */
    private final Semaphore cores;

    private final DistributionSummary batchWindows;
    private final Timer queueWait;
    private final Counter rejectedFull;
    private final Counter abandoned;

    InferenceQueue(ForecastingProperties properties, MeterRegistry meters) {
        this.maxBatch = properties.maxBatch();
        this.maxDelayNanos = properties.maxBatchDelay().toNanos();
        this.capacity = properties.queueCapacity();
        this.cores = new Semaphore(properties.workerThreads());
        this.batchWindows = DistributionSummary.builder("seqcast.forecast.batch.windows")
                .description("Windows per batched network pass").publishPercentileHistogram().register(meters);
        this.queueWait = Timer.builder("seqcast.forecast.queue.wait")
                .description("Time a pass waited in the queue before its batch ran").publishPercentileHistogram()
                .register(meters);
        Gauge.builder("seqcast.forecast.queue.depth", this, InferenceQueue::depth)
                .description("Windows waiting for an inference worker").register(meters);
        this.rejectedFull = Counter.builder("seqcast.forecast.rejected").tag("reason", "queue-full")
                .description("Forecast passes refused or dropped").register(meters);
        this.abandoned = Counter.builder("seqcast.forecast.rejected").tag("reason", "timed-out")
                .description("Forecast passes refused or dropped").register(meters);
        for (int i = 0; i < properties.workerThreads(); i++) {
            Thread worker = new Thread(this::work, "inference-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Runs one network pass of {@code model} over {@code windows} encoded windows, batched with the passes
     * of other requests, and waits for its output until {@code deadline} ({@link System#nanoTime()}).
     *
     * @throws QueueFull when the queue has no room for the windows
     * @throws ForecastTimeoutException when the deadline passed first
     * @throws IllegalStateException when the model was closed before its pass ran
     */
    float[] run(NetworkPasses model, float[] input, int windows, long deadline, Duration timeout) {
        QueuedPass pass = null;
        lock.lock();
        try {
            if (stopped || (queuedWindows > 0 && queuedWindows + windows > capacity)) {
                rejectedFull.increment();
                throw new QueueFull(stopped ? "the service is shutting down" : "the forecast queue is full ("
                        + capacity + " windows, seqcast.forecasting.queue-capacity)");
            }
            // Nothing waits and a core is free: running here spares two thread hand-offs, most of a light
            // load's latency on a virtual machine. Under load the queue is never empty and batches form.
            if (windows > maxBatch || !passes.isEmpty() || !cores.tryAcquire()) {
                pass = new QueuedPass(model, input, windows, deadline);
                passes.addLast(pass);
                queuedWindows += windows;
                queued.signal();
            }
        } finally {
            lock.unlock();
        }
        if (pass != null) {
            return pass.await(timeout);
        }
        try {
            float[] output = model.pass(input, windows);
            queueWait.record(0, TimeUnit.NANOSECONDS);
            batchWindows.record(windows);
            return output;
        } finally {
            cores.release();
        }
    }

    int depth() {
        lock.lock();
        try {
            return queuedWindows;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            List<Chunk> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException stop) {
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                runBatch(batch);
            } finally {
                cores.release();
            }
        }
    }

    /**
     * The next batch, holding a core for it: the oldest pass's model, every queued window of it up to the
     * batch size. A core is taken before the batch, so that passes keep joining the queue while every core
     * is busy and the batch that follows is the fuller for it. Null once stopped.
     */
    private List<Chunk> nextBatch() throws InterruptedException {
        while (true) {
            lock.lock();
            try {
                dropExpired();
                while (passes.isEmpty()) {
                    if (stopped) {
                        return null;
                    }
                    queued.await();
                    dropExpired();
                }
            } finally {
                lock.unlock();
            }
            cores.acquire();
            boolean taken = false;
            lock.lock();
            try {
                dropExpired();
                if (passes.isEmpty()) {
                    continue;
                }
                List<Chunk> batch = take();
                taken = true;
                return batch;
            } finally {
                lock.unlock();
                if (!taken) {
                    cores.release();
                }
            }
        }
    }

    /** Takes a batch off the queue, which holds a pass; called with the lock held. */
    private List<Chunk> take() throws InterruptedException {
        NetworkPasses model = passes.peekFirst().model;
        long waitUntil = System.nanoTime() + maxDelayNanos;
        long left = maxDelayNanos;
        while (left > 0 && !stopped && queuedOf(model) < maxBatch) {
            left = queued.awaitNanos(Math.min(left, waitUntil - System.nanoTime()));
        }
        List<Chunk> batch = new ArrayList<>();
        int size = 0;
        long now = System.nanoTime();
        for (Iterator<QueuedPass> it = passes.iterator(); it.hasNext() && size < maxBatch; ) {
            QueuedPass pass = it.next();
            if (pass.model != model) {
                continue;
            }
            if (pass.taken == 0) {
                queueWait.record(now - pass.queuedAt, TimeUnit.NANOSECONDS);
            }
            int take = Math.min(pass.windows - pass.taken, maxBatch - size);
            batch.add(new Chunk(pass, pass.taken, take, size));
            pass.taken += take;
            size += take;
            queuedWindows -= take;
            if (pass.taken == pass.windows) {
                it.remove();
            }
        }
        return batch;
    }

    private int queuedOf(NetworkPasses model) {
        int windows = 0;
        for (QueuedPass pass : passes) {
            if (pass.model == model) {
                windows += pass.windows - pass.taken;
            }
        }
        return windows;
    }

    /** Drops passes whose request stopped waiting, so no worker spends time on them. */
    private void dropExpired() {
        long now = System.nanoTime();
        for (Iterator<QueuedPass> it = passes.iterator(); it.hasNext(); ) {
            QueuedPass pass = it.next();
            if (pass.gaveUp || now - pass.deadline > 0) {
                queuedWindows -= pass.windows - pass.taken;
                it.remove();
                abandoned.increment();
            }
        }
    }

    private void runBatch(List<Chunk> batch) {
        NetworkPasses model = batch.get(0).pass.model;
        int in = model.passInputSize();
        int out = model.passOutputSize();
        int size = 0;
        for (Chunk chunk : batch) {
            size += chunk.count;
        }
        float[] output;
        try {
            float[] input;
            Chunk only = batch.get(0);
            if (batch.size() == 1 && only.count == only.pass.windows) {
                input = only.pass.input;
            } else {
                input = new float[size * in];
                for (Chunk chunk : batch) {
                    System.arraycopy(chunk.pass.input, chunk.from * in, input, chunk.at * in, chunk.count * in);
                }
            }
            output = model.pass(input, size);
        } catch (RuntimeException failed) {
            for (Chunk chunk : batch) {
                chunk.pass.fail(failed);
            }
            return;
        }
        batchWindows.record(size);
        for (Chunk chunk : batch) {
            System.arraycopy(output, chunk.at * out, chunk.pass.output, chunk.from * out, chunk.count * out);
            chunk.pass.done(chunk.count);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        lock.lock();
        try {
            stopped = true;
            for (QueuedPass pass : passes) {
                pass.fail(new QueueFull("the service is shutting down"));
            }
            passes.clear();
            queuedWindows = 0;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Windows {@code [from, from + count)} of a pass, at window {@code at} of its batch. */
    private record Chunk(QueuedPass pass, int from, int count, int at) {}
}
