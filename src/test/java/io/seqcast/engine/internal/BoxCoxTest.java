package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxCoxTest {

    /** Monthly, growing 2 % a month, its season and noise in proportion to its level. */
    static double[] multiplicative(int length, long seed) {
        return multiplicative(length, 1.02, seed);
    }

    /** Monthly, growing by the factor {@code growth} a month, its season and noise in proportion to its level. */
    static double[] multiplicative(int length, double growth, long seed) {
        Random random = new Random(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 100 * Math.pow(growth, t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) * Math.exp(0.05 * random.nextGaussian());
        }
        return y;
    }

    @Test
    void aSpreadInProportionToTheLevelGetsALambdaNearTheLogarithm() {
        assertThat(BoxCox.of(multiplicative(144, 1), 12).lambda()).isCloseTo(0, within(0.25));
    }

    @Test
    void anEvenSpreadAtEveryLevelGetsALambdaNearOne() {
        Random random = new Random(2);
        double[] y = new double[144];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + 10 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        assertThat(BoxCox.of(y, 12).lambda()).isGreaterThan(0.6);
    }

    @Test
    void valuesTransformedAndBackAreTheValues() {
        double[] y = multiplicative(60, 3);
        for (double lambda : new double[] {-0.5, 0, 0.5, 1.5}) {
            BoxCox transform = new BoxCox(lambda, 150);
            double[] back = transform.inverse(transform.forward(y));
            for (int t = 0; t < y.length; t++) {
                assertThat(back[t]).as("lambda %s", lambda).isCloseTo(y[t], within(1e-9 * y[t]));
            }
        }
    }

    @Test
    void aStepBeyondWhatANegativeLambdaReachesOrAFloatHoldsHasNoPreimageAndTheOthersKeepTheirs() {
        BoxCox transform = new BoxCox(-0.5, 10);
        // -1/lambda = 2 bounds the transform of every positive value from above.
        double[] back = transform.inverse(new double[] {0, 1.9, 2.0, 1});
        assertThat(back[0]).isCloseTo(10, within(1e-9));
        assertThat(back[1]).isCloseTo(10 * Math.pow(1 - 0.5 * 1.9, -2), within(1e-6));
        assertThat(back[2]).isNaN();
        assertThat(back[3]).isCloseTo(40, within(1e-9));
        assertThat(new BoxCox(0, 1).inverse(new double[] {80, 100})).containsExactly(Math.exp(80), Double.NaN);
    }

    @Test
    void theTransformIsTheSameInAnyUnitsAndPutsTheHistoryOnBothSidesOfZero() {
        double[] y = multiplicative(72, 6);
        double[] transformed = BoxCox.of(y, 12).forward(y);
        for (double units : new double[] {1e-6, 1e-2, 1e3, 1e12}) {
            double[] scaled = java.util.Arrays.stream(y).map(v -> v * units).toArray();
            BoxCox transform = BoxCox.of(scaled, 12);
            assertThat(transform.lambda()).isEqualTo(BoxCox.of(y, 12).lambda());
            double[] again = transform.forward(scaled);
            for (int t = 0; t < y.length; t++) {
                assertThat(again[t]).isCloseTo(transformed[t], within(1e-9));
            }
        }
        assertThat(java.util.Arrays.stream(transformed).min().orElseThrow()).isNegative();
        assertThat(java.util.Arrays.stream(transformed).max().orElseThrow()).isPositive();
    }

    @Test
    void aHistoryWithAValueAtOrBelowZeroIsNotTransformed() {
        assertThat(BoxCox.of(new double[] {3, 4, 0, 5}, 1)).isNull();
        assertThat(BoxCox.of(new double[] {3, 4, -1, 5}, 1)).isNull();
        assertThat(BoxCox.of(new double[] {3, 4, 2, 5}, 1)).isNotNull();
    }

    @Test
    void fewerThanTwoSubseriesLeaveTheSeriesAsItIs() {
        assertThat(BoxCox.guerrero(multiplicative(20, 4), 12)).isEqualTo(1);
    }
}
