package io.seqcast.registry;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import io.seqcast.engine.internal.DjlSequenceEngine;
import java.nio.file.Path;
import java.util.List;

/** Publishes versions of model 'crash' into the registry folder given as argument until it is killed. */
public final class PublishLoop {

    private PublishLoop() {}

    public static void main(String[] args) {
        DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 16);
        ModelRegistry registry = new ModelRegistry(new RegistryProperties(Path.of(args[0])), engine, e -> {});
        float[][] values = new float[40][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) Math.sin(t * 0.3);
        }
        try (ForecastModel model = engine.train(SequenceData.univariate(List.of(new Sequence("s", values)), 1),
                new ModelSpec(CellType.LSTM, 64, 2, 0, 8, 2), TrainingSpec.builder().epochs(1).build(),
                TrainingListener.NONE)) {
            System.out.println("publishing");
            while (true) {
                registry.publish("crash", model);
            }
        }
    }
}
