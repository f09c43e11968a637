package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlendingTest {

    /** No validation split: only the baselines are candidates. */
    private static Blending.Choice choose(float[][] values, int period, int horizon) {
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), period);
        int n = values.length;
        return Blending.choose(data, new Split(new int[] {n}, new int[] {n}, false), 2 * horizon, horizon, null, null);
    }

    private static float[][] noiseAroundALevel() {
        Random random = new Random(7);
        float[][] values = new float[120][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) (50 + 5 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void noiseAroundALevelKeepsThePriorSinceNothingBeatsItByTheMargin() {
        float[][] values = noiseAroundALevel();
        Blending.Choice choice = choose(values, 1, 6);
        assertThat(choice.blend().members()).containsExactlyElementsOf(Blending.priorNames());
        assertThat(choice.blend().reason()).contains("ETS_AVERAGED + DAMPED", "prior", "validation origins");
        assertThat(choice.blend().validationMase()).containsKeys("ETS_AVERAGED", "DAMPED", "BLEND")
                .doesNotContainKeys("ETS", "NETWORK");
    }

    @Test
    void aSeasonExponentialSmoothingFitsExactlyLeavesThePriorWhenItBeatsItByTheMargin() {
        Random random = new Random(7);
        float[][] values = new float[120][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) (200 + 0.5 * t + 20 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian());
        }
        Blending.Choice choice = choose(values, 12, 12);
        assertThat(choice.blend().members()).isNotEqualTo(Blending.priorNames()).contains("ETS_AVERAGED");
        assertThat(choice.blend().reason()).contains("at least 30 % below the prior, ETS_AVERAGED + DAMPED");
    }

    @Test
    void aNetworkThatForecastsEveryValidationOriginExactlyIsStillCombinedWithABaseline() {
        float[][] values = noiseAroundALevel();
        int horizon = 6;
        SequenceData data = SequenceData.univariate(List.of(new Sequence("s", values)), 1);
        Blending.NetworkForecast perfect = (sequence, origin) -> Arrays.copyOfRange(values, origin, origin + horizon);
        Blending.Choice choice = Blending.choose(data, new Split(new int[] {60}, new int[] {120}, true), 12, horizon,
                perfect, null);
        assertThat(choice.blend().validationMase()).containsEntry(ForecastBlend.NETWORK, 0.0);
        assertThat(choice.blend().members()).contains(ForecastBlend.NETWORK).hasSizeGreaterThan(1);
        assertThat(choice.blend().reason()).contains("never chosen alone");
    }

    @Test
    void aPriorKeptForGrowthInProportionToTheLevelIsForecastOnBoxCoxTransformsWhereItValidatesBetterThere() {
        double[] y = BoxCoxTest.multiplicative(144, 1.04, 6);
        float[][] values = new float[y.length][1];
        for (int t = 0; t < y.length; t++) {
            values[t][0] = (float) y[t];
        }
        Blending.Choice choice = choose(values, 12, 12);
        assertThat(choice.blend().transform()).as(choice.blend().reason()).isEqualTo(ForecastBlend.BOX_COX);
        assertThat(choice.blend().members()).containsExactlyElementsOf(Blending.priorNames());
        assertThat(choice.blend().reason()).contains("the prior on Box-Cox transforms of the series");
        // The forecast and its backtest are the transformed baselines' too.
        float[][] forecast = Blending.combine(choice.blend(), values, null, 12, 12, null);
        double[] history = Blending.column(values, 0, values.length, 0);
        Baselines.Fit fit = Baselines.fit(history, 12, true);
        double expected = 0;
        for (String member : choice.blend().members()) {
            expected += fit.forecast(Baselines.Method.valueOf(member), 12)[0] / choice.blend().members().size();
        }
        assertThat((double) forecast[0][0]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-3 * expected));
    }

    @Test
    void noiseAroundALevelIsForecastOnTheSeriesItself() {
        Blending.Choice choice = choose(noiseAroundALevel(), 1, 6);
        assertThat(choice.blend().transform()).isEqualTo(ForecastBlend.NONE);
        assertThat(choice.blend().reason()).contains("the prior on the series: on Box-Cox transforms it scored");
    }

    @Test
    void aSeriesWithValuesBelowZeroIsNeverTransformed() {
        float[][] values = noiseAroundALevel();
        for (float[] row : values) {
            row[0] -= 50;
        }
        Blending.Choice choice = choose(values, 1, 6);
        assertThat(choice.blend().transform()).isEqualTo(ForecastBlend.NONE);
        assertThat(choice.blend().reason()).doesNotContain("Box-Cox");
    }
}
