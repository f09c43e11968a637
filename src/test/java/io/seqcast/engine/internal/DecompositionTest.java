package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    /** Trend times a season with relative noise, as airline passengers. */
    private static double[] seasonal(int length, long seed) {
        Random random = new Random(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = (100 + 2 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) * (1 + 0.02 * random.nextGaussian());
        }
        return y;
    }

    private static float[][] column(double[] y) {
        float[][] rows = new float[y.length][1];
        for (int t = 0; t < y.length; t++) {
            rows[t][0] = (float) y[t];
        }
        return rows;
    }

    @Test
    void aNetworkThatOutputsZerosForecastsExponentialSmoothingFromTheStatesAtTheWindowsEnd() {
        for (double[] y : List.of(seasonal(120, 1), noisyTrend(90))) {
            int period = y.length == 120 ? 12 : 1;
            float[][] values = column(y);
            Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), period),
                    new int[] {y.length}, 24, true);
            Ets best = Ets.fit(y, period).best();
            float[] input = new float[24];
            Scaling.Reference reference = scaling.encodeWindow(values, y.length - 24, 24, input, 0,
                    new Decomposition[] {best.end()}, 0);
            float[][] decoded = scaling.decodeSteps(new float[12], 0, 12, reference);
            double[] expected = best.forecast(12);
            for (int h = 0; h < 12; h++) {
                assertThat((double) decoded[h][0]).as("step %d", h + 1).isCloseTo(expected[h], within(1e-3 * Math.abs(expected[h])));
            }
        }
    }

    private static double[] noisyTrend(int length) {
        Random random = new Random(4);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 20 + 0.5 * t + random.nextGaussian();
        }
        return y;
    }

    @Test
    void targetsEncodedAgainstSmoothingDecodeBackToTheData() {
        double[] y = seasonal(96, 2);
        float[][] values = column(y);
        Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 12),
                new int[] {96}, 24, true);
        Decomposition[] states = {Ets.fit(Arrays.copyOf(y, 72), 12).best().end()};
        float[] encoded = new float[24 + 12];
        Scaling.Reference reference = scaling.encodeWindow(values, 48, 24, encoded, 0, states, 0);
        scaling.encodeSteps(values, 72, 12, reference, encoded, 24);
        float[][] decoded = scaling.decodeSteps(encoded, 24, 12, reference);
        for (int h = 0; h < 12; h++) {
            assertThat((double) decoded[h][0]).isCloseTo(y[72 + h], within(1e-3 * y[72 + h]));
        }
    }

    @Test
    void aWindowIsReadWithTheSeasonTakenOut() {
        // A pure season on a flat level: with the season out, every point is the level and the window reads flat.
        double[] y = new double[96];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + (t % 2 == 0 ? 0.5 : -0.5);
        }
        float[][] values = column(y);
        Scaling scaling = ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 12),
                new int[] {96}, 24, true);
        float[] smoothed = new float[24];
        scaling.encodeWindow(values, 72, 24, smoothed, 0, new Decomposition[] {Ets.fit(y, 12).best().end()}, 0);
        float[] raw = new float[24];
        ScalingFit.fit(SequenceData.univariate(List.of(new Sequence("a", values)), 12), new int[] {96}, 24, false)
                .encodeWindow(values, 72, 24, raw, 0);
        assertThat(range(smoothed)).isLessThan(range(raw) / 5);
    }

    private static double range(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    @Test
    void theStatesAlongASeriesFollowItAndNeedNoFitOfTheirOwn() {
        double[] y = seasonal(240, 3);
        Ets best = Ets.fit(Arrays.copyOf(y, 180), 12).best();
        Ets.Track track = best.track(y);
        // At a late origin the states forecast the next year about as well as a fit there would.
        for (int origin : new int[] {150, 200, 228}) {
            Decomposition states = track.at(origin);
            for (int h = 0; h < 12; h++) {
                double forecast = states.restore(states.base(h + 1), h);
                double truth = (100 + 2 * (origin + h)) * (1 + 0.3 * Math.sin(2 * Math.PI * (origin + h) / 12));
                assertThat(forecast).as("origin %d step %d", origin, h + 1).isCloseTo(truth, within(0.06 * truth));
            }
        }
    }

    @Test
    void aSeriesThatBeganAtZeroIsTrackedWithFiniteStatesByAMultiplicativeForm() {
        // A product launched after two seasons of zeros: the form fitted to the positive latest points multiplies.
        double[] y = new double[144];
        double[] sales = seasonal(120, 6);
        System.arraycopy(sales, 0, y, 24, 120);
        Ets best = Ets.fit(Arrays.copyOfRange(y, 24, 144), 12).best();
        assertThat(best.form().season()).isEqualTo(Ets.Season.MULTIPLICATIVE);
        Ets.Track track = best.track(y);
        for (int origin = 0; origin <= y.length; origin++) {
            Decomposition states = track.at(origin);
            for (int h = 0; h < 12; h++) {
                assertThat(states.restore(states.base(h + 1), h)).as("origin %d step %d", origin, h + 1).isFinite();
            }
        }
    }

    @Test
    void aHistoryTooShortForASeasonalFitIsReadAgainstItsLastSeasonSoAnUntrainedNetworkForecastsSeasonalNaive() {
        double[] y = seasonal(20, 7);
        Decomposition states = Baselines.fit(y, 12).decomposition();
        for (int h = 0; h < 24; h++) {
            assertThat(states.restore(states.base(h + 1), h)).isCloseTo(y[8 + h % 12], within(1e-9));
        }
    }

    @Test
    void aDampedTrendIsProjectedAsSmoothingProjectsIt() {
        Decomposition states = new Decomposition(10, 2, 0.5, false, new double[] {0});
        assertThat(states.base(0)).isEqualTo(10);
        assertThat(states.base(1)).isEqualTo(11);
        assertThat(states.base(2)).isEqualTo(11.5);
        Decomposition seasonal = new Decomposition(10, 0, 1, true, new double[] {0.5, 2});
        assertThat(seasonal.adjust(5, 0)).isEqualTo(10);
        assertThat(seasonal.adjust(20, -1)).isEqualTo(10);
        assertThat(seasonal.restore(10, 3)).isEqualTo(20);
    }
}
