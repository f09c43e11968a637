package io.seqcast.engine.internal;

import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.EngineInfo;

/**
 * Loads libtorch once and exits, so that DJL extracts its native libraries into {@code DJL_CACHE_DIR}
 * ahead of time: the container image runs this at build time and then starts without network or a
 * writable home.
 */
public final class NativeSetup {

    private NativeSetup() {}

    public static void main(String[] args) {
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1)) {
            EngineInfo info = engine.info();
            System.out.printf("%s %s on DJL %s ready on %s%n", info.engine(), info.engineVersion(), info.djlVersion(),
                    info.device());
        }
    }
}
