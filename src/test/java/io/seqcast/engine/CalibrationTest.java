package io.seqcast.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Errors at two steps, the second twice the first: {@code cases} of them, 1 .. cases (times 2). */
    private static Backtest.Calibration calibration(int cases) {
        double[][] errors = new double[2][cases];
        for (int k = 0; k < cases; k++) {
            errors[0][k] = k + 1;
            errors[1][k] = 2 * (k + 1);
        }
        return Backtest.Calibration.of(errors);
    }

    @Test
    void aLevelTheStepsOwnCasesCalibrateUsesTheConformalQuantileOfThatStep() {
        Backtest.Calibration calibration = calibration(9);
        // ceil(10 * 0.8) = 8th smallest of 1 .. 9 at step 1, of 2 .. 18 at step 2.
        assertThat(calibration.halfWidth(0, 80)).isEqualTo(8);
        assertThat(calibration.halfWidth(1, 80)).isEqualTo(16);
    }

    @Test
    void aLevelBeyondOneStepsCasesPoolsTheStepsScaledByEachStepsMeanError() {
        Backtest.Calibration calibration = calibration(10);
        assertThat(Backtest.Calibration.casesFor(95)).isEqualTo(19);
        assertThat(calibration.calibrates(95)).isTrue();
        // Pooled scores (k / 5.5, twice each): the ceil(21 * 0.95) = 20th smallest is 10 / 5.5.
        assertThat(calibration.halfWidth(0, 95)).isCloseTo(10, within(1e-9));
        assertThat(calibration.halfWidth(1, 95)).isCloseTo(20, within(1e-9));
        assertThat(calibration.calibrates(96)).isFalse(); // 24 cases needed, 20 pooled
    }

    @Test
    void aFewOriginsArePooledOnlyFromFiveOn() {
        // 3 origins over 10 steps count 30 scores, but they are 3 correlated paths: no 80 % from them.
        double[][] errors = new double[10][3];
        for (double[] step : errors) {
            step[0] = 1;
            step[1] = 2;
            step[2] = 3;
        }
        assertThat(Backtest.Calibration.of(errors).calibrates(80)).isFalse();
        assertThat(calibration(5).calibrates(80)).isTrue();
    }

    @Test
    void aCalibrationWithoutPoolingRefusesWhatItsStepsCannotCalibrate() {
        Backtest.Calibration old = new Backtest.Calibration(10, calibration(10).quantiles(), null, null, null, null);
        assertThat(old.calibrates(90)).isTrue();
        assertThat(old.calibrates(95)).isFalse();
    }

    @Test
    void widthsNeverShrinkFurtherAheadNorAtAHigherLevel() {
        double[][] errors = new double[2][7];
        for (int k = 0; k < 7; k++) {
            errors[0][k] = 10 * (k + 1);
            errors[1][k] = k + 1; // the second step erred less on these few origins
        }
        Backtest.Calibration calibration = Backtest.Calibration.of(errors);
        assertThat(calibration.halfWidth(1, 80)).isEqualTo(calibration.halfWidth(0, 80));
        for (int step = 0; step < 2; step++) {
            // 80 % from the step's own 7 cases, 95 % pooled (7 < 19): still at least as wide.
            assertThat(calibration.halfWidth(step, 95)).isGreaterThanOrEqualTo(calibration.halfWidth(step, 80));
        }
    }

    @Test
    void aCalibrationRaisedToAnothersIsNowhereNarrowerThanEitherAndCalibratesOnlyWhatItsOwnCasesDo() {
        Backtest.Calibration few = calibration(9);
        double[][] errors = new double[2][40];
        for (int k = 0; k < 40; k++) {
            errors[0][k] = 0.5 * (k + 1);
            errors[1][k] = 0.5 * (k + 1);
        }
        Backtest.Calibration many = Backtest.Calibration.of(errors);
        Backtest.Calibration raised = few.atLeast(many);
        assertThat(raised.cases()).isEqualTo(9);
        assertThat(raised.calibrates(95)).isFalse(); // 9 cases over 2 steps pool to 18, 19 needed
        assertThat(raised.calibrates(90)).isTrue();
        for (int step = 0; step < 2; step++) {
            for (double level : new double[] {50, 80, 90}) {
                assertThat(raised.halfWidth(step, level)).isGreaterThanOrEqualTo(many.halfWidth(step, level))
                        .isGreaterThanOrEqualTo(few.halfWidth(step, level));
            }
        }
        // Step 1 at 80 %: 8 from the few, 16.5 (the 33rd of 0.5 .. 20) from the many.
        assertThat(raised.halfWidth(0, 80)).isEqualTo(16.5);
        assertThat(raised.halfWidth(1, 80)).isEqualTo(16.5);
    }
}
