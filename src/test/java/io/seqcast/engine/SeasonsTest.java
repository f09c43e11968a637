package io.seqcast.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonsTest {

    @Test
    void aNoisyTrendedSeasonalSeriesShowsItsSeasonNotAMultipleOfIt() {
        for (int period : new int[] {4, 7, 12, 24}) {
            for (long seed = 0; seed < 5; seed++) {
                double[] y = seasonal(period, 10 * period + 17, seed);
                assertThat(Seasons.detect(y)).as("period %d, seed %d", period, seed).isEqualTo(period);
            }
        }
    }

    @Test
    void oneWildPointDoesNotHideASeason() {
        for (int period : new int[] {4, 12}) {
            for (long seed = 0; seed < 5; seed++) {
                double[] y = seasonal(period, 10 * period + 17, seed);
                y[y.length / 2] += 400; // 200 noise standard deviations
                assertThat(Seasons.detect(y)).as("period %d, seed %d", period, seed).isEqualTo(period);
            }
        }
    }

    @Test
    void noiseAndRandomWalksShowNoSeasonMostOfTheTime() {
        int falsePositives = 0;
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            double[] noise = new double[200];
            double[] walk = new double[200];
            for (int t = 0; t < 200; t++) {
                noise[t] = 50 + random.nextGaussian();
                walk[t] = (t == 0 ? 100 : walk[t - 1]) + random.nextGaussian();
            }
            falsePositives += (Seasons.detect(noise) > 1 ? 1 : 0) + (Seasons.detect(walk) > 1 ? 1 : 0);
        }
        // A spurious season costs little (validation still chooses what to forecast with); 10 % is the tolerance.
        assertThat(falsePositives).as("of 80 series without a season").isLessThanOrEqualTo(8);
    }

    @Test
    void longNoiseShowsNoSeasonThoughHundredsOfLagsAreScanned() {
        int falsePositives = 0;
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            double[] noise = new double[seed % 2 == 0 ? 600 : 1500];
            for (int t = 0; t < noise.length; t++) {
                noise[t] = 50 + random.nextGaussian();
            }
            falsePositives += Seasons.detect(noise) > 1 ? 1 : 0;
        }
        // With the strict bound at every lag, 26 of these 40 showed a season.
        assertThat(falsePositives).as("of 40 long series without a season").isLessThanOrEqualTo(4);
    }

    @Test
    void fourSeasonsOfAStronglySeasonalSeriesShowTheirSeasonButShortWalksAndNoiseRarelyDo() throws Exception {
        // UK lung deaths 1974-1977 (R's ldeaths, bench/unseen): the differenced series' strong short lags
        // inflate Bartlett's bound past the season's own autocorrelation.
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("bench/unseen/ldeaths.csv"));
        double[] deaths = lines.subList(1, 49).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[1]))
                .toArray();
        assertThat(Seasons.detect(deaths)).isEqualTo(12);
        int falsePositives = 0;
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            double[] noise = new double[48];
            double[] walk = new double[48];
            for (int t = 0; t < 48; t++) {
                noise[t] = 50 + random.nextGaussian();
                walk[t] = (t == 0 ? 100 : walk[t - 1]) + random.nextGaussian();
            }
            falsePositives += (Seasons.detect(noise) > 1 ? 1 : 0) + (Seasons.detect(walk) > 1 ? 1 : 0);
        }
        assertThat(falsePositives).as("of 80 short series without a season").isLessThanOrEqualTo(8);
    }

    @Test
    void aQuarterlySeasonWithStrongHalfYearSwingsOnSlowSwingsIsNotTakenForASeasonOfTwo() {
        // A high quarter and a low one next to it, on a wandering level: the levels' correlation peaks at lag 2
        // almost as high as at 4 (a quarter apart the season anticorrelates), the differences' does not.
        double[] pattern = {0, 0, 2.5, -2.5};
        int found = 0;
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            double[] y = new double[100];
            double level = 100;
            for (int t = 0; t < y.length; t++) {
                level += random.nextGaussian();
                y[t] = level + 0.2 * t + pattern[t % 4] + random.nextGaussian();
            }
            found += Seasons.detect(y) == 4 ? 1 : 0;
        }
        // Before the differences had a say, 13 of these 20.
        assertThat(found).as("of 20 series with a season of 4").isGreaterThanOrEqualTo(19);
    }

    @Test
    void manySeriesVoteAndTooShortOnesShowNone() {
        List<Sequence> sequences = List.of(series(seasonal(12, 120, 1)), series(seasonal(12, 120, 2)),
                series(seasonal(6, 120, 3)));
        assertThat(Seasons.detect(SequenceData.univariate(sequences, 1))).isEqualTo(12);
        assertThat(Seasons.detect(new double[] {1, 2, 3, 1, 2, 3, 1, 2})).isEqualTo(1);
    }

    private static double[] seasonal(int period, int length, long seed) {
        Random random = new Random(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = 100 + 0.3 * t + 10 * Math.sin(2 * Math.PI * t / period) + 4 * Math.cos(4 * Math.PI * t / period)
                    + 2 * random.nextGaussian();
        }
        return y;
    }

    private static Sequence series(double[] y) {
        float[][] values = new float[y.length][1];
        for (int t = 0; t < y.length; t++) {
            values[t][0] = (float) y[t];
        }
        return new Sequence("s", values);
    }
}
