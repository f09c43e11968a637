package io.seqcast;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Polling with a deadline: a condition that never comes true fails the test instead of hanging it. */
public final class Deadline {

    /** A condition polled until it holds. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Deadline() {}

    /** Waits for a latch a test holds a thread on; a latch never released fails instead of hanging. */
    public static void released(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new AssertionError("latch not released within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for a latch", e);
        }
    }

    public static void await(Duration limit, String what, Condition condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
