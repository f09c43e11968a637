package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutoregressionTest {

    @Test
    void aMeanRevertingSeriesIsForecastBackTowardsItsMeanAsItsRecursionSays() {
        // y[t] = 10 + 0.6 y[t-1] - 0.3 y[t-2] + noise: mean 10 / 0.7.
        SplittableRandom random = new SplittableRandom(3);
        double[] y = new double[600];
        y[0] = 14;
        y[1] = 15;
        for (int t = 2; t < y.length; t++) {
            y[t] = 10 + 0.6 * y[t - 1] - 0.3 * y[t - 2] + 0.5 * gaussian(random);
        }
        double[] forecast = Autoregression.forecast(y, 200);
        double oneStep = 10 + 0.6 * y[599] - 0.3 * y[598];
        assertThat(forecast[0]).isCloseTo(oneStep, within(0.15));
        assertThat(forecast[199]).isCloseTo(10 / 0.7, within(0.2));
    }

    @Test
    void aRandomWalkWithDriftIsForecastFromItsDifferencesAlongTheDrift() {
        SplittableRandom random = new SplittableRandom(5);
        double[] y = new double[300];
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + 2 + gaussian(random);
        }
        double[] forecast = Autoregression.forecast(y, 50);
        // Each step adds about the drift: a model of the levels would pull the forecast back to their mean.
        assertThat((forecast[49] - y[299]) / 50).isCloseTo(2, within(0.3));
    }

    @Test
    void aHistoryTooShortForAnOrderRepeatsItsLastValue() {
        assertThat(Autoregression.forecast(new double[] {1, 4, 2, 8, 5, 7, 3, 9, 6}, 3)).containsExactly(6, 6, 6);
    }

    @Test
    void aFitWhoseRecursionWouldExplodeIsNotUsed() {
        assertThat(Autoregression.stationary(new double[] {0.5})).isTrue();
        assertThat(Autoregression.stationary(new double[] {1.0})).isFalse();
        assertThat(Autoregression.stationary(new double[] {1.2, -0.3})).isTrue();
        assertThat(Autoregression.stationary(new double[] {0.5, 0.6})).isFalse();
        assertThat(Autoregression.stationary(new double[] {0.2, -1.1})).isFalse();
        // An exponentially growing series: no stationary fit of it or its differences follows the growth out of
        // bounds, whatever the horizon.
        double[] y = new double[80];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.pow(1.05, t);
        }
        double[] forecast = Autoregression.forecast(y, 1000);
        for (double value : forecast) {
            assertThat(value).isFinite();
        }
        assertThat(forecast[999]).isLessThan(1000 * y[79]);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
