package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqcast.engine.CellType;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal happens before any native call and says what was expected. */
class BadInputTest {

    private static final ModelSpec SPEC = new ModelSpec(CellType.LSTM, 4, 1, 0.0, 6, 2);
    private static final TrainingSpec ONE_EPOCH = TrainingSpec.builder().epochs(1).build();
    private static ForecastModel model;

    private final DjlSequenceEngine engine = TestEngine.ENGINE;

    @BeforeAll
    static void train() {
        model = TestEngine.ENGINE.train(EngineTrainingTest.seasonal(1, 40), SPEC, ONE_EPOCH, TrainingListener.NONE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aSeriesShorterThanWindowPlusHorizonIsRefusedForTraining() {
        assertRefused(() -> train(SequenceData.univariate(List.of(new Sequence("a", ScalingTest.column(1, 2, 3, 4, 5, 6, 7))), 1)),
                "sequences[0].values", "has 7 points; training needs at least window + horizon = 8");
    }

    @Test
    void nanAndInfiniteValuesAreRefusedWithTheirPosition() {
        float[][] values = EngineTrainingTest.wave(20, 0, 1);
        values[13][0] = Float.NaN;
        assertRefused(() -> train(SequenceData.univariate(List.of(new Sequence("a", values)), 1)),
                "sequences[0].values[13][0]", "not a finite number");
        values[13][0] = Float.POSITIVE_INFINITY;
        assertRefused(() -> train(SequenceData.univariate(List.of(new Sequence("a", values)), 1)),
                "sequences[0].values[13][0]", "not a finite number");
    }

    @Test
    void pointsWithTheWrongNumberOfFeaturesAreRefused() {
        float[][] values = new float[12][2];
        for (int t = 0; t < 12; t++) {
            values[t] = new float[] {t, t * t};
        }
        values[4] = new float[] {1f};
        SequenceData data = new SequenceData(SequenceKind.SERIES, List.of("a", "b"), List.of(new Sequence("s", values)), 1);
        assertRefused(() -> train(data), "sequences[0].values[4]", "has 1 features, expected 2");
    }

    @Test
    void aConstantFeatureIsRefused() {
        float[][] values = new float[12][1];
        assertRefused(() -> train(SequenceData.univariate(List.of(new Sequence("flat", values)), 1)),
                "features", "is constant");
    }

    @Test
    void impossibleSpecsAreRefusedWhenBuilt() {
        assertRefused(() -> new ModelSpec(CellType.GRU, 0, 1, 0, 6, 2), "spec.hiddenSize", "hiddenSize must be between 1");
        assertRefused(() -> new ModelSpec(CellType.GRU, 4, 1, 0, 6, 0), "spec.horizon", "horizon must be between 1");
        assertRefused(() -> new ModelSpec(CellType.GRU, 4, 1, 0, 6, -3), "spec.horizon", "was -3");
        assertRefused(() -> new ModelSpec(CellType.GRU, 4, 0, 0, 6, 1), "spec.layers", "layers must be between 1");
        assertRefused(() -> new ModelSpec(CellType.GRU, 4, 1, 1.0, 6, 1), "spec.dropout", "[0, 1)");
        assertRefused(() -> new ModelSpec(null, 4, 1, 0, 6, 1), "spec.cell", "RNN, LSTM, GRU");
        assertRefused(() -> TrainingSpec.builder().learningRate(Double.NaN).build(), "training.learningRate", "(0, 10]");
        assertRefused(() -> TrainingSpec.builder().epochs(0).build(), "training.epochs", "between 1");
        assertRefused(() -> TrainingSpec.builder().validationFraction(0.9).build(), "training.validationFraction", "[0, 0.5]");
    }

    @Test
    void forecastsNeedAWholeWindowOfFiniteValuesWithTheModelsFeatures() {
        assertRefused(() -> model.forecast(List.<float[][]>of(ScalingTest.column(1, 2, 3)), 2),
                "sequences[0].values", "at least 6 are expected");
        float[][] withNaN = EngineTrainingTest.wave(10, 0, 1);
        withNaN[9][0] = Float.NaN;
        assertRefused(() -> model.forecast(List.of(EngineTrainingTest.wave(10, 0, 1), withNaN), 2),
                "sequences[1].values[9][0]", "not a finite number");
        float[][] twoFeatures = new float[8][2];
        assertRefused(() -> model.forecast(List.<float[][]>of(twoFeatures), 2), "sequences[0].values[0]", "expected 1");
        assertRefused(() -> model.forecast(List.of(), 2), "sequences", "at least one series");
    }

    @Test
    void aHorizonOutsideOneToTheMaximumIsRefused() {
        List<float[][]> history = List.<float[][]>of(EngineTrainingTest.wave(10, 0, 1));
        assertRefused(() -> model.forecast(history, 0), "horizon", "between 1 and 1024");
        assertRefused(() -> model.forecast(history, engine.maxHorizon() + 1), "horizon", "was 1025");
    }

    private void train(SequenceData data) {
        engine.train(data, SPEC, ONE_EPOCH, TrainingListener.NONE).close();
    }

    private void assertRefused(Runnable call, String field, String message) {
        int before = engine.liveNativeArrays();
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
        org.assertj.core.api.Assertions.assertThat(engine.liveNativeArrays()).isEqualTo(before);
    }
}
