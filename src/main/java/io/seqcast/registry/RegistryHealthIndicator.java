package io.seqcast.registry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health component {@code registry} (in the readiness group): DOWN when the registry folder is not writable. */
@Component
class RegistryHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;

    RegistryHealthIndicator(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        boolean writable = registry.writable();
        return (writable ? Health.up() : Health.down()).withDetail("registryWritable", writable).build();
    }
}
