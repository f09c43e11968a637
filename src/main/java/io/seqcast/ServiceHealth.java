package io.seqcast;

import io.seqcast.engine.EngineInfo;
import io.seqcast.engine.SequenceEngine;
import io.seqcast.registry.ModelRegistry;
import io.seqcast.training.TrainingJobService;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code seqcast} in the readiness group): the engine is loaded and the registry and job
 * folders are writable. Also contributes the engine to {@code /actuator/info}.
 */
@Component("seqcast")
class ServiceHealth implements HealthIndicator, InfoContributor {

    private final SequenceEngine engine;
    private final ModelRegistry registry;
    private final TrainingJobService jobs;

    ServiceHealth(SequenceEngine engine, ModelRegistry registry, TrainingJobService jobs) {
        this.engine = engine;
        this.registry = registry;
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        boolean registryWritable = registry.writable();
        boolean jobsWritable = jobs.writable();
        Health.Builder health = registryWritable && jobsWritable ? Health.up() : Health.down();
        return health.withDetail("engine", engine.info().engine() + " " + engine.info().engineVersion())
                .withDetail("device", engine.info().device())
                .withDetail("registryWritable", registryWritable)
                .withDetail("jobStoreWritable", jobsWritable)
                .build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        EngineInfo info = engine.info();
        builder.withDetail("engine", Map.of("name", info.engine(), "version", info.engineVersion(), "djl",
                info.djlVersion(), "device", info.device(), "intraOpThreads", info.intraOpThreads()));
    }
}
