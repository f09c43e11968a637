package io.seqcast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GapsTest {

    @Test
    void aSeasonalFillCarriesATrendButNeitherNoiseNorASpikeNextToTheGap() {
        // A rising season: a season earlier plus a year's rise.
        float[][] rising = seasonal(48, 12, 1.0, 0, new Random(1));
        float truth = rising[30][0];
        rising[30][0] = Float.NaN;
        Gaps.fill(rising, 12, "/values", "s");
        assertThat(rising[30][0]).isCloseTo(truth, within(0.01f));
        // A spike next to the gap moves nothing.
        float[][] spiked = seasonal(48, 12, 0, 0, new Random(2));
        truth = spiked[30][0];
        spiked[30][0] = Float.NaN;
        spiked[31][0] += 100;
        Gaps.fill(spiked, 12, "/values", "s");
        assertThat(spiked[30][0]).isCloseTo(truth, within(0.01f));
        // On noise without a trend, about as close as the value a season earlier (a single pair's change added
        // its noise: 23 % further).
        Random random = new Random(3);
        double filledError = 0;
        double copiedError = 0;
        for (int trial = 0; trial < 500; trial++) {
            float[][] noisy = seasonal(72, 12, 0, 3, random);
            int gap = 12 + random.nextInt(60);
            float actual = noisy[gap][0];
            float copied = noisy[gap - 12][0];
            noisy[gap][0] = Float.NaN;
            Gaps.fill(noisy, 12, "/values", "s");
            filledError += Math.abs(noisy[gap][0] - actual);
            copiedError += Math.abs(copied - actual);
        }
        assertThat(filledError).isLessThan(1.1 * copiedError);
    }

    private static float[][] seasonal(int length, int season, double slope, double noise, Random random) {
        float[][] values = new float[length][1];
        for (int t = 0; t < length; t++) {
            values[t][0] = (float) (100 + slope * t + 10 * Math.sin(2 * Math.PI * t / season) + noise * random.nextGaussian());
        }
        return values;
    }
}
