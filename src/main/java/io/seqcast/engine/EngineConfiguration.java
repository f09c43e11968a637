package io.seqcast.engine;

import io.seqcast.engine.internal.DjlSequenceEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean(destroyMethod = "close")
    DjlSequenceEngine sequenceEngine(EngineProperties properties) {
        DjlSequenceEngine engine =
                new DjlSequenceEngine(properties.device(), properties.intraOpThreads(), properties.maxHorizon());
        EngineInfo info = engine.info();
        log.info("Sequence engine: {} {} on DJL {}, device {}, {} intra-op thread(s)", info.engine(),
                info.engineVersion(), info.djlVersion(), info.device(), info.intraOpThreads());
        if (properties.warmUp()) {
            long started = System.nanoTime();
            warmUp(engine);
            log.info("Sequence engine warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return engine;
    }

    /** Live native arrays: flat under steady load when nothing leaks. */
    @Bean
    MeterBinder nativeArrays(SequenceEngine engine) {
        return meters -> Gauge.builder("seqcast.engine.native.arrays", engine, SequenceEngine::liveNativeArrays)
                .description("Native (libtorch) arrays alive in the engine").register(meters);
    }

    /** One tiny training and forecast, so libtorch's lazy initialization is not paid by the first request. */
    static void warmUp(SequenceEngine engine) {
        float[][] values = new float[16][1];
        for (int t = 0; t < values.length; t++) {
            values[t][0] = (float) Math.sin(t);
        }
        SequenceData data = SequenceData.univariate(List.of(new Sequence("warm-up", values)), 1);
        ModelSpec spec = new ModelSpec(CellType.LSTM, 4, 1, 0.0, 4, 1);
        TrainingSpec training = TrainingSpec.builder().epochs(1).validationFraction(0).members(1).build();
        try (ForecastModel model = engine.train(data, spec, training, TrainingListener.NONE)) {
            model.forecast(List.<float[][]>of(values), 2);
        }
    }
}
