package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.ParameterStore;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.OptimizerType;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four experiments of the study notes, as acceptance tests (the name classifier is not a forecasting task). */
class ReferenceExperimentsTest {

    private final DjlSequenceEngine engine = TestEngine.ENGINE;

    @Test
    void fourLayerRnnGivesOutputsPerStepAndAFinalStatePerLayer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RNN rnn = RNN.builder().setStateSize(20).setNumLayers(4).setActivation(RNN.Activation.TANH)
                    .optReturnState(true).optBatchFirst(false).build();
            rnn.initialize(manager, DataType.FLOAT32, new Shape(10, 1, 100));
            NDList out = rnn.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(10, 1, 100)), manager.zeros(new Shape(4, 1, 20))), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(10, 1, 20));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(4, 1, 20));
        }
    }

    @Test
    void trajectoryRnnLearnsTheTrackAndRollsOutAlongTheLine() {
        float[][] track = ReferenceExperiments.trajectory(7);
        ModelSpec spec = new ModelSpec(CellType.RNN, 16, 1, 0.0, 15, 5);
        TrainingSpec training = TrainingSpec.builder().epochs(300).batchSize(1).optimizer(OptimizerType.ADAM)
                .learningRate(0.01).validationFraction(0).networkOnly(true).seed(7).build();
        try (ForecastModel model = engine.train(ReferenceExperiments.trajectoryData(track), spec, training,
                TrainingListener.NONE)) {
            List<Double> losses = model.manifest().summary().trainLossHistory();
            double trainingMse = mseOnTrainingWindows(model, track, 15, 5);
            System.out.printf("trajectory: final loss %.2e, training MSE (data units) %.2e%n",
                    losses.get(losses.size() - 1), trainingMse);
            assertThat(trainingMse).isLessThan(1e-3);

            float[][] rollOut = model.forecast(List.<float[][]>of(track), 10).get(0);
            double stepX = 9.0 / 29;
            for (int h = 0; h < 10; h++) {
                double expectedX = track[29][0] + stepX * (h + 1);
                assertThat((double) rollOut[h][0]).isCloseTo(expectedX, org.assertj.core.data.Offset.offset(0.3));
                assertThat((double) rollOut[h][1]).isBetween(1.9, 2.2);
                assertThat((double) rollOut[h][2]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
            }
        }
    }

    @Test
    void sineLstmWithAdagradReachesOneHundredthRmseInAShortRun() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 30, 2, 0.0, ReferenceExperiments.SINE_WINDOW, 1);
        TrainingSpec training = TrainingSpec.builder().epochs(3).batchSize(32).optimizer(OptimizerType.ADAGRAD)
                .learningRate(0.1).validationFraction(0).networkOnly(true).gradientClipNorm(0).seed(1).build();
        SequenceData data = SequenceData.univariate(
                List.of(new Sequence("sin", ReferenceExperiments.sineTraining())), 1);
        try (ForecastModel model = engine.train(data, spec, training, TrainingListener.NONE)) {
            double rmse = sineTestRmse(model);
            System.out.printf("sine: test RMSE %.5f after %d epochs%n", rmse, training.epochs());
            assertThat(rmse).isLessThanOrEqualTo(0.01);
        }
    }

    static double sineTestRmse(ForecastModel model) {
        float[][] test = ReferenceExperiments.sineTest();
        List<float[][]> windows = ReferenceExperiments.windows(test, ReferenceExperiments.SINE_WINDOW);
        List<float[][]> forecasts = model.forecast(windows, 1);
        double squares = 0;
        for (int i = 0; i < forecasts.size(); i++) {
            double error = forecasts.get(i)[0][0] - test[i + ReferenceExperiments.SINE_WINDOW][0];
            squares += error * error;
        }
        return Math.sqrt(squares / forecasts.size());
    }

    private static double mseOnTrainingWindows(ForecastModel model, float[][] track, int window, int horizon) {
        double squares = 0;
        int count = 0;
        for (int start = 0; start + window + horizon <= track.length; start++) {
            float[][] history = java.util.Arrays.copyOfRange(track, start, start + window);
            float[][] forecast = model.forecast(List.<float[][]>of(history), horizon).get(0);
            for (int h = 0; h < horizon; h++) {
                for (int f = 0; f < 3; f++) {
                    double error = forecast[h][f] - track[start + window + h][f];
                    squares += error * error;
                    count++;
                }
            }
        }
        return squares / count;
    }
}
