package io.seqcast.engine;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code engine} (in the readiness group): the engine is loaded, with its name, version
 * and device. Also contributes the engine to {@code /actuator/info}.
 */
@Component
class EngineHealthIndicator implements HealthIndicator, InfoContributor {

    private final SequenceEngine engine;

    EngineHealthIndicator(SequenceEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        EngineInfo info = engine.info();
        return Health.up().withDetail("engine", info.engine() + " " + info.engineVersion())
                .withDetail("device", info.device())
                .build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        EngineInfo info = engine.info();
        builder.withDetail("engine", Map.of("name", info.engine(), "version", info.engineVersion(), "djl",
                info.djlVersion(), "device", info.device(), "intraOpThreads", info.intraOpThreads()));
    }
}
