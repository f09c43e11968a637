package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        double[] x = NelderMead.minimize(p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 2000, 1e-14);
        assertThat(x[0]).isCloseTo(1, within(1e-3));
        assertThat(x[1]).isCloseTo(1, within(1e-3));
    }

    @Test
    void staysWhereTheObjectiveIsFinite() {
        // The unconstrained minimum (x = -2) lies outside the bound x >= 0.
        double[] x = NelderMead.minimize(p -> p[0] < 0 ? Double.POSITIVE_INFINITY : Math.pow(p[0] + 2, 2),
                new double[] {3}, new double[] {0.5}, 500, 1e-12);
        assertThat(x[0]).isBetween(0.0, 1e-3);
    }
}
