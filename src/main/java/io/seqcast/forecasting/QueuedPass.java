package io.seqcast.forecasting;

import io.seqcast.engine.ForecastTimeoutException;
import io.seqcast.engine.NetworkPasses;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request's network pass waiting in the {@link InferenceQueue}, and its output as batches fill it;
 * {@code taken} is guarded by the queue's lock. Its fields are the queue's to use: nothing else in the
 * package touches them.
 */
final class QueuedPass {
    final NetworkPasses model;
    final float[] input;
    final int windows;
    final float[] output;
    final long deadline;
    final long queuedAt = System.nanoTime();
    final AtomicInteger done = new AtomicInteger();
    final CountDownLatch finished = new CountDownLatch(1);
    int taken;
    volatile boolean gaveUp;
    volatile RuntimeException failure;

    QueuedPass(NetworkPasses model, float[] input, int windows, long deadline) {
        this.model = model;
        this.input = input;
        this.windows = windows;
        this.output = new float[windows * model.passOutputSize()];
        this.deadline = deadline;
    }

    void done(int count) {
        if (done.addAndGet(count) == windows) {
            finished.countDown();
        }
    }

    void fail(RuntimeException cause) {
        failure = cause;
        finished.countDown();
    }

    float[] await(Duration timeout) {
        try {
            if (!finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                gaveUp = true;
                throw new ForecastTimeoutException(timeout);
            }
        } catch (InterruptedException e) {
            gaveUp = true;
            Thread.currentThread().interrupt();
            throw new ForecastTimeoutException(timeout);
        }
        if (failure != null) {
            throw failure;
        }
        return output;
    }
}
