package io.seqcast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.data.DataLimits;
import io.seqcast.data.DataPayload;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.SeriesPayload;
import io.seqcast.data.SeriesValues;
import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LossType;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class TrainingPlanTest {

    private static final DjlSequenceEngine ENGINE = new DjlSequenceEngine(DeviceChoice.CPU, 1, 64);
    private static final PayloadParser PARSER = new PayloadParser(new DataLimits(100, 100_000, 8, DataSize.ofMegabytes(16)));

    @Test
    void aJobWhoseEstimatedMemoryExceedsTheBudgetIsRefusedWith422GivingBoth() {
        // 60,000 points, window 4096, 8 layers of 1024: accepted before budgets existed.
        TrainingRequest huge = new TrainingRequest("huge", series(60_000),
                new SpecPayload(CellType.LSTM, 1024, 8, null, 4096, 1), null);
        TrainingProperties generous = limits(1024, 8, 4096, DataSize.ofGigabytes(1));
        assertThatThrownBy(() -> TrainingPlan.of(huge, PARSER, ENGINE, generous))
                .isInstanceOfSatisfying(TrainingException.TooLarge.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getBody().getDetail()).contains("1,024 MiB", "seqcast.training.max-memory");
                    assertThat((Long) e.getBody().getProperties().get("estimateBytes"))
                            .isGreaterThan(DataSize.ofGigabytes(1).toBytes());
                    assertThat(e.getBody().getProperties()).containsEntry("limitBytes", DataSize.ofGigabytes(1).toBytes());
                });
    }

    @Test
    void theDefaultCapsRefuseAWideDeepLongModelField400ByField() {
        TrainingProperties defaults = limits(512, 4, 2048, null);
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(5_000),
                new SpecPayload(null, 1024, null, null, 64, 1), null), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/spec/hiddenSize");
                    assertThat(e.getMessage()).contains("seqcast.training.max-hidden-size");
                });
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(5_000),
                new SpecPayload(null, null, 8, null, 64, 1), null), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/spec/layers"));
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(5_000),
                new SpecPayload(null, null, null, null, 4096, 1), null), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("/spec/window"));
    }

    @Test
    void membersOutsideOneToNineOrAskedOfAClassifierAreRefusedByField() {
        TrainingProperties defaults = limits(512, 4, 2048, null);
        for (int members : new int[] {0, 10}) {
            assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(200), null,
                    new TrainingPayload(null, null, null, null, null, null, null, null, null, null, null, null, members)),
                    PARSER, ENGINE, defaults))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("/training/members"));
        }
        DataPayload words = new DataPayload(null, null, null, null, null, List.of(
                new io.seqcast.data.LabelledPayload("1", "bonjour", null, "french"),
                new io.seqcast.data.LabelledPayload("2", "hello", null, "english")));
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", words, null,
                new TrainingPayload(null, null, null, null, null, null, null, null, null, null, null, null, 3),
                "classification"), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/training/members");
                    assertThat(e.getMessage()).contains("a classifier trains one network");
                });
    }

    @Test
    void aClassifierTrainsWithCrossEntropyAndAForecasterWithARegressionLossEachRefusingTheOther() {
        TrainingProperties defaults = limits(512, 4, 2048, null);
        DataPayload words = new DataPayload(null, null, null, null, null, List.of(
                new io.seqcast.data.LabelledPayload("1", "bonjour", null, "french"),
                new io.seqcast.data.LabelledPayload("2", "hello", null, "english")));
        assertThat(TrainingPlan.of(new TrainingRequest("m", words, null, null, "classification"), PARSER, ENGINE,
                defaults).training().loss()).isEqualTo(LossType.CROSS_ENTROPY);
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", words, null,
                new TrainingPayload(null, null, null, null, null, LossType.MSE, null, null, null, null, null, null, null),
                "classification"), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/training/loss");
                    assertThat(e.getMessage()).contains("a classifier trains with CROSS_ENTROPY");
                });
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(200), null,
                new TrainingPayload(null, null, null, null, null, LossType.CROSS_ENTROPY, null, null, null, null, null,
                        null, null)), PARSER, ENGINE, defaults))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/training/loss");
                    assertThat(e.getMessage()).contains("a forecaster trains with MSE, MAE or HUBER");
                });
    }

    @Test
    void maxMembersRefusesALargerEnsembleAndCutsTheDefaultOne() {
        TrainingProperties two = new TrainingProperties(Path.of("unused"), 4, 1, 10_000, 30, 512, 4, 2048, 2, null);
        assertThatThrownBy(() -> TrainingPlan.of(new TrainingRequest("m", series(200), null,
                new TrainingPayload(null, null, null, null, null, null, null, null, null, null, null, null, 3)),
                PARSER, ENGINE, two))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("/training/members");
                    assertThat(e.getMessage()).contains("seqcast.training.max-members");
                });
        // 200 points train three networks by default: cut to the limit.
        TrainingRequest small = new TrainingRequest("m", series(200), null, null);
        assertThat(ENGINE.members(TrainingPlan.of(small, PARSER, ENGINE, limits(512, 4, 2048, null)).data(),
                TrainingPlan.of(small, PARSER, ENGINE, limits(512, 4, 2048, null)).spec(),
                io.seqcast.engine.TrainingSpec.DEFAULT)).isEqualTo(3);
        assertThat(TrainingPlan.of(small, PARSER, ENGINE, two).training().members()).isEqualTo(2);
        assertThat(TrainingPlan.of(small, PARSER, ENGINE, limits(512, 4, 2048, null)).training().members()).isNull();
        // Data past the ensemble's cost trains one network by default, within any limit.
        TrainingRequest large = new TrainingRequest("m", series(20_000), null, null);
        assertThat(TrainingPlan.of(large, PARSER, ENGINE, two).training().members()).isNull();
    }

    @Test
    void anOrdinaryJobFitsTheDefaultBudgetWithRoomToSpare() {
        TrainingRequest ordinary = new TrainingRequest("m", series(2_000), new SpecPayload(null, 64, 2, null, 48, 12), null);
        TrainingPlan plan = TrainingPlan.of(ordinary, PARSER, ENGINE, limits(512, 4, 2048, DataSize.ofMegabytes(64)));
        assertThat(ENGINE.estimateTrainingBytes(plan.data(), plan.spec(), plan.training()))
                .isBetween(DataSize.ofKilobytes(100).toBytes(), DataSize.ofMegabytes(16).toBytes());
    }

    @Test
    void aSeasonNotGivenIsDetectedAndSeasonalityOneForcesNone() {
        double[] numbers = monthlyWithTrend(7);
        SeriesValues values = SeriesValues.of(numbers);
        TrainingProperties defaults = limits(512, 4, 2048, null);
        TrainingPlan detected = TrainingPlan.of(new TrainingRequest("m",
                new DataPayload(null, List.of(new SeriesPayload("s", values, null, null)), null, null), null, null),
                PARSER, ENGINE, defaults);
        assertThat(detected.data().seasonalPeriod()).isEqualTo(12);
        assertThat(detected.spec().horizon()).as("the default horizon is one season").isEqualTo(12);
        TrainingPlan none = TrainingPlan.of(new TrainingRequest("m",
                new DataPayload(null, List.of(new SeriesPayload("s", values, null, null)), null, 1), null, null),
                PARSER, ENGINE, defaults);
        assertThat(none.data().seasonalPeriod()).isEqualTo(1);
    }

    @Test
    void gapsInDataWithoutASeasonAreFilledFromTheSeasonDetectedInIt() {
        double[] numbers = monthlyWithTrend(8);
        double[] gapped = numbers.clone();
        gapped[63] = Double.NaN; // a peak month, between two lower neighbours
        TrainingPlan plan = TrainingPlan.of(new TrainingRequest("m",
                new DataPayload(null, List.of(new SeriesPayload("s", SeriesValues.of(gapped), null, null)), null, null),
                null, null), PARSER, ENGINE, limits(512, 4, 2048, null));
        assertThat(plan.data().seasonalPeriod()).isEqualTo(12);
        assertThat(plan.filled()).isEqualTo(1);
        // A season earlier plus the year's rise: interpolating the neighbours (288.9) or copying the value a
        // season earlier (280.1) both miss the peak.
        assertThat((double) plan.data().sequences().get(0).values()[63][0]).isCloseTo(numbers[63],
                org.assertj.core.api.Assertions.within(2.5));
    }

    @Test
    void gapsInTheDataAreFilledAndCounted() {
        double[] numbers = new double[100];
        for (int t = 0; t < 100; t++) {
            numbers[t] = t % 10 == 3 ? Double.NaN : 50 + Math.sin(t * 0.3);
        }
        SeriesValues values = SeriesValues.of(numbers);
        TrainingPlan plan = TrainingPlan.of(new TrainingRequest("m",
                new DataPayload(null, List.of(new SeriesPayload("s", values, null, null)), null, 1), null, null),
                PARSER, ENGINE, limits(512, 4, 2048, null));
        assertThat(plan.filled()).isEqualTo(10);
    }

    private static TrainingProperties limits(int hidden, int layers, int window, DataSize memory) {
        return new TrainingProperties(Path.of("unused"), 4, 1, 10_000, 30, hidden, layers, window, 9, memory);
    }

    private static DataPayload series(int points) {
        double[] values = new double[points];
        for (int t = 0; t < points; t++) {
            values[t] = 100 + 10 * Math.sin(t * 0.5);
        }
        return new DataPayload(null, List.of(new SeriesPayload("s", SeriesValues.of(values), null, null)), null, null);
    }

    /** 120 months of a trend and a yearly season, with noise drawn from {@code seed}. */
    private static double[] monthlyWithTrend(long seed) {
        double[] numbers = new double[120];
        java.util.Random random = new java.util.Random(seed);
        for (int t = 0; t < 120; t++) {
            numbers[t] = 200 + t + 30 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        return numbers;
    }
}
