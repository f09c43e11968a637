package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EtsTest {

    /** Trend times a season, with relative noise: the shape of airline passengers or retail sales. */
    private static double[] multiplicative(int length, Random random) {
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = (100 + 2 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) * (1 + 0.02 * random.nextGaussian());
        }
        return y;
    }

    @Test
    void aTrendTimesASeasonIsFittedWithAMultiplicativeSeasonAndForecastAYearAhead() {
        double[] y = multiplicative(120, new Random(1));
        double[] train = java.util.Arrays.copyOf(y, 96);
        EtsAverage ets = Ets.fit(train, 12);
        assertThat(ets.best().form().season()).isEqualTo(Ets.Season.MULTIPLICATIVE);
        assertThat(ets.best().form().trend()).isNotEqualTo(Ets.Trend.NONE);
        double[] forecast = ets.forecast(24);
        for (int h = 0; h < 24; h++) {
            double truth = (100 + 2 * (96 + h)) * (1 + 0.3 * Math.sin(2 * Math.PI * (96 + h) / 12));
            assertThat(forecast[h]).as("step %d", h + 1).isCloseTo(truth, within(0.06 * truth));
        }
    }

    @Test
    void aSeriesWithNegativeValuesGetsAnAdditiveSeasonAndNoMultiplicativeForm() {
        Random random = new Random(2);
        double[] y = new double[80];
        for (int t = 0; t < 80; t++) {
            y[t] = 5 * Math.sin(2 * Math.PI * t / 4) + random.nextGaussian();
        }
        EtsAverage ets = Ets.fit(y, 4);
        assertThat(ets.best().form().season()).isEqualTo(Ets.Season.ADDITIVE);
        assertThat(ets.forms()).noneMatch(form -> form.form().multiplicativeError()
                || form.form().season() == Ets.Season.MULTIPLICATIVE);
        double[] forecast = ets.forecast(8);
        for (int h = 0; h < 8; h++) {
            assertThat(forecast[h]).isCloseTo(5 * Math.sin(2 * Math.PI * (80 + h) / 4), within(1.5));
        }
    }

    @Test
    void noiseAroundALevelIsForecastFlatAtItsMean() {
        Random random = new Random(3);
        double[] y = new double[100];
        for (int t = 0; t < 100; t++) {
            y[t] = 50 + random.nextGaussian();
        }
        EtsAverage ets = Ets.fit(y, 1);
        assertThat(ets.forms()).allMatch(form -> form.form().season() == Ets.Season.NONE);
        double[] forecast = ets.forecast(5);
        assertThat(forecast[4]).isCloseTo(50, within(1.0));
        assertThat(forecast[4] - forecast[0]).isCloseTo(0, within(0.5));
    }

    @Test
    void aSeasonIsFittedOnlyWithMoreThanTwoSeasonsOfHistoryAndAtMostTwentyFourLong() {
        Random random = new Random(4);
        assertThat(Ets.fit(java.util.Arrays.copyOf(multiplicative(120, random), 25), 12).forms())
                .allMatch(form -> form.form().season() == Ets.Season.NONE);
        double[] hourly = new double[24 * 7 * 4];
        for (int t = 0; t < hourly.length; t++) {
            hourly[t] = 10 + Math.sin(2 * Math.PI * t / 168) + 0.1 * random.nextGaussian();
        }
        assertThat(Ets.fit(hourly, 168).forms()).allMatch(form -> form.form().season() == Ets.Season.NONE);
        assertThat(Ets.forms(true, true)).hasSize(15);
        assertThat(Ets.forms(false, true)).hasSize(6).noneMatch(form -> form.multiplicativeError()
                || form.season() == Ets.Season.MULTIPLICATIVE);
    }

    @Test
    void aHistoryTooShortForAnyFormIsForecastByItsLastValue() {
        assertThat(Ets.fit(new double[] {3, 1, 4, 1, 5}, 1).forecast(3)).containsExactly(5, 5, 5);
    }

    @Test
    void theSameHistoryGivesTheSameForecastBitForBit() {
        double[] y = multiplicative(90, new Random(5));
        assertThat(Ets.fit(y, 12).forecast(12)).containsExactly(Ets.fit(y, 12).forecast(12));
    }

    @Test
    void samplePathsOfARandomWalkSpreadWithTheSquareRootOfTheStepsAhead() {
        Random random = new Random(6);
        double[] y = new double[300];
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + random.nextGaussian();
        }
        Ets ets = Ets.fit(y, 1).best();
        List<double[]> paths = ets.paths(16, 4000, new SplittableRandom(7));
        double[] forecast = ets.forecast(16);
        double first = variance(paths, 0, forecast[0]);
        // A random walk is simple smoothing with a weight near 1: its h-step variance is about h one-step ones.
        assertThat(first).isCloseTo(1.0, within(0.15));
        assertThat(variance(paths, 15, forecast[15]) / first).isCloseTo(16.0, within(3.0));
    }

    @Test
    void samplePathsAreTheSameForTheSameSeedAndStayAroundTheForecast() {
        double[] y = multiplicative(120, new Random(8));
        Ets ets = Ets.fit(y, 12).best();
        List<double[]> paths = ets.paths(12, 500, new SplittableRandom(9));
        assertThat(paths).hasSize(500);
        List<double[]> again = ets.paths(12, 500, new SplittableRandom(9));
        for (int c = 0; c < paths.size(); c++) {
            assertThat(again.get(c)).containsExactly(paths.get(c));
        }
        double[] forecast = ets.forecast(12);
        for (int h = 0; h < 12; h++) {
            int step = h;
            double mean = paths.stream().mapToDouble(p -> p[step]).average().orElseThrow();
            assertThat(mean).isCloseTo(forecast[h], within(0.02 * forecast[h]));
        }
    }

    @Test
    void theForecastIsTheFormsForecastsWeightedByAicc() {
        Random random = new Random(10);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.5 * t + 3 * random.nextGaussian();
        }
        EtsAverage ets = Ets.fit(y, 1);
        double[] weights = ets.weights();
        assertThat(ets.forms()).hasSizeGreaterThan(1);
        assertThat(java.util.Arrays.stream(weights).sum()).isCloseTo(1.0, within(1e-12));
        int best = ets.forms().indexOf(ets.best());
        for (int i = 0; i < weights.length; i++) {
            double relative = Math.exp(-0.5 * (ets.forms().get(i).aicc() - ets.best().aicc()));
            assertThat(weights[i] / weights[best]).isCloseTo(relative, within(1e-12));
        }
        double[] forecast = ets.forecast(6);
        for (int h = 0; h < 6; h++) {
            double weighted = 0;
            for (int i = 0; i < weights.length; i++) {
                weighted += weights[i] * ets.forms().get(i).forecast(6)[h];
            }
            assertThat(forecast[h]).isCloseTo(weighted, within(1e-9 * Math.abs(weighted)));
        }
        // No form here fits so much better than the rest that it is all there is: the average is not the best form.
        assertThat(weights[best]).isLessThan(0.99);
        assertThat(forecast).isNotEqualTo(ets.best().forecast(6));
    }

    private static double variance(List<double[]> paths, int step, double around) {
        return paths.stream().mapToDouble(p -> (p[step] - around) * (p[step] - around)).average().orElseThrow();
    }
}
