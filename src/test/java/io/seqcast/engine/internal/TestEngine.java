package io.seqcast.engine.internal;

import io.seqcast.engine.DeviceChoice;

/** One engine for all engine tests of a JVM: libtorch loads once per process anyway. */
final class TestEngine {

    static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024);

    private TestEngine() {}
}
