package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import io.seqcast.engine.DeviceChoice;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void gpuWithoutACudaDeviceFailsWithAMessageThatSaysWhatToDo() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
        assertThatThrownBy(() -> new DjlSequenceEngine(DeviceChoice.GPU, 1, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seqcast.engine.device=gpu")
                .hasMessageContaining("PYTORCH_LIBRARY_PATH");
    }

    @Test
    void autoFallsBackToTheCpuWithoutAGpu() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.AUTO, 1, 10)) {
            assertThat(engine.info().device()).isEqualTo("cpu()");
            assertThat(engine.info().intraOpThreads()).isEqualTo(1);
        }
    }
}
