package io.seqcast;

import java.time.Duration;

/** Polling with a deadline: a condition that never comes true fails the test instead of hanging it. */
public final class Deadline {

    /** A condition polled until it holds. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Deadline() {}

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
