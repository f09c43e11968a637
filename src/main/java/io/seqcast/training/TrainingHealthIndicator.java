package io.seqcast.training;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code training} (in the readiness group): DOWN when the job store's folder is not writable. */
@Component
class TrainingHealthIndicator implements HealthIndicator {

    private final JobStore store;

    TrainingHealthIndicator(JobStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        boolean writable = store.writable();
        return (writable ? Health.up() : Health.down()).withDetail("jobStoreWritable", writable).build();
    }
}
