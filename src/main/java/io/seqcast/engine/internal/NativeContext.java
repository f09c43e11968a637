package io.seqcast.engine.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Per-thread native settings and the root of all native memory of one engine.
 *
 * <p>libtorch keeps grad mode and (with OpenMP) the intra-op thread count per thread, and DJL turns
 * grad mode off only on the thread that loaded the engine, so every thread that runs the network sets
 * them before it does.
 */
record NativeContext(NDManager root, int intraOpThreads, int maxHorizon) {

    void prepareInferenceThread() {
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
        prepareThreads();
    }

    void prepareThreads() {
        if (JniUtils.getNumThreads() != intraOpThreads) {
            JniUtils.setNumThreads(intraOpThreads);
        }
    }
}
