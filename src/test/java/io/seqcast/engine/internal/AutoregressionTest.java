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

    @Test
    void aSeasonThatDriftsIsFollowedThroughTheSeasonalDifferencesAndTheirAutocorrelation() {
        // y[t] = y[t-12] + u[t], u[t] = 0.7 u[t-1] + noise: each month's level wanders, so that last year's
        // value plus this year's persisting change forecasts it, and a fixed seasonal profile would not.
        SplittableRandom random = new SplittableRandom(7);
        double[] full = new double[480];
        double[] u = new double[full.length];
        for (int t = 0; t < full.length; t++) {
            u[t] = (t > 0 ? 0.7 * u[t - 1] : 0) + gaussian(random);
            full[t] = (t < 12 ? 10 * Math.sin(2 * Math.PI * t / 12) : full[t - 12]) + u[t];
        }
        // Ending on the largest change of the last 80 points, so that seasonal naive would miss by far.
        int n = 400;
        for (int t = 400; t < full.length; t++) {
            n = Math.abs(u[t]) > Math.abs(u[n - 1]) ? t + 1 : n;
        }
        double[] y = java.util.Arrays.copyOf(full, n);
        double change = y[n - 1] - y[n - 13];
        assertThat(Math.abs(0.7 * change)).isGreaterThan(1.5);
        double[] forecast = Autoregression.seasonal(y, 12, 24);
        assertThat(forecast[0]).isCloseTo(y[n - 12] + 0.7 * change, within(0.3));
        // The change dies out: a year on, the forecast is last year's value plus what little remains of it.
        assertThat(forecast[12] - forecast[0]).isCloseTo(Math.pow(0.7, 13) * change, within(0.3));
    }

    @Test
    void aHistoryOfFewerThanThreeSeasonsIsForecastBySeasonalNaive() {
        double[] y = new double[20];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 4 + 0.1 * t;
        }
        assertThat(Autoregression.seasonal(y, 12, 12)).containsExactly(Baselines.seasonalNaive(y, 12, 12));
        assertThat(Autoregression.seasonal(y, 1, 3)).containsExactly(Baselines.seasonalNaive(y, 1, 3));
    }

    @Test
    void theSeasonalFormStaysBoundedOverALongHorizon() {
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.pow(1.03, t) * (2 + Math.sin(2 * Math.PI * t / 4));
        }
        double[] forecast = Autoregression.seasonal(y, 4, 1000);
        for (double value : forecast) {
            assertThat(value).isFinite();
        }
        // Differenced twice the growth is followed for a while but no faster than a line of the last changes.
        assertThat(Math.abs(forecast[999])).isLessThan(1000 * Math.abs(y[119]));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
