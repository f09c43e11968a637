package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlendCalibrationTest {

    @Test
    void calibrationOriginsSpreadOverTheWholeHistoryWhenThereAreMoreThanItTakes() {
        assertThat(BlendCalibration.calibrationOrigins(26, 476, 60)).hasSize(60).startsWith(476).endsWith(26)
                .doesNotHaveDuplicates();
        int[] spread = BlendCalibration.calibrationOrigins(26, 476, 60);
        for (int c = 1; c < spread.length; c++) {
            assertThat(spread[c - 1] - spread[c]).isBetween(7, 8);
        }
    }

    @Test
    void calibrationOriginsAreEveryOneWhenFewAndNoneWithoutHistory() {
        assertThat(BlendCalibration.calibrationOrigins(40, 45, 60)).containsExactly(45, 44, 43, 42, 41, 40);
        assertThat(BlendCalibration.calibrationOrigins(40, 39, 60)).isEmpty();
    }
}
