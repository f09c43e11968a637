package io.seqcast.engine.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The calls using a model's native parameters, so that closing waits for them and later calls are refused:
 * a counter, not a lock, on the path every forecast takes.
 */
final class CallsInFlight {

    /** Added once closing began: the count stays negative from then on. */
    private static final int CLOSING = Integer.MIN_VALUE;

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * Counts a call in flight; pair with {@link #exit}.
     *
     * @throws IllegalStateException once the model is closing
     */
    void enter() {
        if (calls.getAndIncrement() < 0) {
            calls.decrementAndGet();
            throw new IllegalStateException("model is closed");
        }
    }

    void exit() {
        calls.decrementAndGet();
    }

    boolean closed() {
        return calls.get() < 0;
    }

    /** Refuses new calls, waits for those in flight, then runs {@code free}; only the first close does. */
    void close(Runnable free) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        calls.addAndGet(CLOSING);
        while (calls.get() != CLOSING) {
            LockSupport.parkNanos(100_000);
        }
        free.run();
    }
}
