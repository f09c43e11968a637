package io.seqcast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotion gated on evidence, with real models: a barely trained network and a blend that fits the season. */
class PromotionsTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static ForecastModel weak;
    private static ForecastModel strong;
    private static ForecastModel twoFeatures;

    @TempDir
    Path root;

    private ModelRegistry registry;
    private Promotions promotions;

    @BeforeAll
    static void train() {
        SplittableRandom random = new SplittableRandom(3);
        List<Sequence> series = new ArrayList<>();
        List<Sequence> pairs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            float[][] values = new float[96][1];
            float[][] pair = new float[96][2];
            for (int t = 0; t < 96; t++) {
                values[t][0] = (float) (50 + 10 * s + 8 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian());
                pair[t][0] = values[t][0];
                pair[t][1] = values[t][0] / 2;
            }
            series.add(new Sequence("s" + s, values));
            pairs.add(new Sequence("p" + s, pair));
        }
        ModelSpec spec = new ModelSpec(CellType.GRU, 4, 1, 0, 24, 6);
        TrainingSpec once = TrainingSpec.builder().epochs(1).build();
        // Weak: told there is no season, so smoothing and the network start from a flat level.
        weak = ENGINE.train(SequenceData.univariate(series, 1), spec, once.toBuilder().networkOnly(true).build(),
                TrainingListener.NONE);
        strong = ENGINE.train(SequenceData.univariate(series, 12), spec, once, TrainingListener.NONE);
        twoFeatures = ENGINE.train(new SequenceData(SequenceKind.SERIES, List.of("a", "b"), pairs, 12), spec, once,
                TrainingListener.NONE);
    }

    @AfterAll
    static void close() {
        weak.close();
        strong.close();
        twoFeatures.close();
    }

    @BeforeEach
    void open() {
        registry = new ModelRegistry(new RegistryProperties(root), ENGINE, e -> {});
        promotions = new Promotions(registry, ENGINE);
        assertThat(registry.publish("demand", weak)).isEqualTo(1);
        assertThat(registry.publish("demand", strong)).isEqualTo(2);
    }

    @Test
    void bothVersionsAreScoredOnTheCandidatesBacktestOrigins() {
        VersionComparison better = promotions.compare("demand", 2, "1");
        VersionComparison worse = promotions.compare("demand", 1, "2");
        assertThat(better.candidateBetter()).isTrue();
        assertThat(worse.candidateBetter()).isFalse();
        assertThat(better.origins()).isPositive().isEqualTo(strong.manifest().backtest().origins());
        assertThat(better.horizon()).isEqualTo(6);
        assertThat(better.candidate().steps().mase()).hasSize(6);
        // Each comparison scores both sides on its candidate's origins and seasonal naive scales: the weak version,
        // told of no season, has other ones, so its own comparison scores the strong one differently.
        assertThat(worse.origins()).isEqualTo(weak.manifest().backtest().origins());
        // The candidate forecasts as it did in its backtest.
        double[] backtest = strong.manifest().backtest().scores().get("MODEL").mase();
        assertThat(better.candidate().steps().mase()).containsExactly(backtest, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void theSeriesAVersionsBacktestScoredAreKeptWithIt() {
        List<float[][]> stored = promotions.storedSeries("demand", 2);
        assertThat(stored).hasSize(4);
        assertThat(stored.get(0)).hasNumberOfRows(96);
    }

    @Test
    void aVersionIsNotBetterThanItself() {
        VersionComparison self = promotions.compare("demand", 2, "2");
        assertThat(self.candidate().mase()).isEqualTo(self.against().mase());
        assertThat(self.candidateBetter()).isFalse();
    }

    @Test
    void aWorseCandidateIsRefusedAndTheAliasStays() {
        registry.setAlias("demand", "production", 2);
        assertThatThrownBy(() -> promotions.promote("demand", "production", 1, "production"))
                .isInstanceOfSatisfying(RegistryException.NotBetter.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getBody().getProperties()).containsKeys("candidate", "against", "origins");
                });
        assertThat(registry.aliases("demand")).isEqualTo(Map.of("production", 2));
    }

    @Test
    void aBetterCandidateIsPromoted() {
        registry.setAlias("demand", "production", 1);
        promotions.promote("demand", "production", 2, "production");
        assertThat(registry.aliases("demand")).isEqualTo(Map.of("production", 2));
    }

    @Test
    void anUnsetChampionHasNothingToBeatButAnUnknownComparisonAliasIs404() {
        promotions.promote("demand", "production", 1, "production");
        assertThat(registry.aliases("demand")).isEqualTo(Map.of("production", 1));
        assertThatThrownBy(() -> promotions.compare("demand", 2, "staging"))
                .isInstanceOf(RegistryException.VersionNotFound.class);
    }

    @Test
    void versionsOfDifferentFeaturesAreNotComparable() {
        assertThat(registry.publish("demand", twoFeatures)).isEqualTo(3);
        assertThatThrownBy(() -> promotions.compare("demand", 2, "3"))
                .isInstanceOf(RegistryException.NotComparable.class)
                .hasMessageContaining("different features");
    }

    @Test
    void alteredBacktestCasesMakeTheVersionUnavailable() throws Exception {
        Path cases = root.resolve("demand/2/backtest-cases.bin");
        assertThat(cases).exists();
        byte[] bytes = Files.readAllBytes(cases);
        bytes[bytes.length - 1] ^= 1;
        Files.write(cases, bytes);
        assertThatThrownBy(() -> promotions.compare("demand", 2, "1"))
                .isInstanceOf(RegistryException.VersionUnavailable.class);
    }
}
