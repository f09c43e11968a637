package io.seqcast.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.CellType;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private final DjlSequenceEngine engine = TestEngine.ENGINE;
    private final ModelSpec spec = new ModelSpec(CellType.LSTM, 8, 2, 0.2, 12, 3);
    private final TrainingSpec training = TrainingSpec.builder().epochs(3).build();

    @Test
    void twoTrainingsAtOnceGiveTheSameModelsAsOneAfterTheOther() throws Exception {
        float[][] probe = EngineTrainingTest.wave(30, 1, 1);
        float[][] sequential;
        try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(2, 90), spec, training, TrainingListener.NONE)) {
            sequential = model.forecast(List.<float[][]>of(probe), 3).get(0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[][]>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(2, 90), spec, training,
                            TrainingListener.NONE)) {
                        return model.forecast(List.<float[][]>of(probe), 3).get(0);
                    }
                }));
            }
            for (Future<float[][]> run : runs) {
                assertThat(run.get(2, TimeUnit.MINUTES)).isDeepEqualTo(sequential);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void manyThreadsForecastingOneModelGetWhatOneThreadGets() throws Exception {
        try (ForecastModel model = engine.train(EngineTrainingTest.seasonal(1, 60), spec, training, TrainingListener.NONE)) {
            List<float[][]> histories = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                histories.add(EngineTrainingTest.wave(20 + i, i, 1 + i));
            }
            List<float[][]> expected = model.forecast(histories, 5);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<float[][]>>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    calls.add(pool.submit(() -> model.forecast(histories, 5)));
                }
                for (Future<List<float[][]>> call : calls) {
                    List<float[][]> got = call.get(2, TimeUnit.MINUTES);
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(got.get(i)).isDeepEqualTo(expected.get(i));
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
