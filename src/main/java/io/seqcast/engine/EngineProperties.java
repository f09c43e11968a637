package io.seqcast.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.engine.*}.
 *
 * @param device {@code auto}, {@code cpu} or {@code gpu}; {@code gpu} without CUDA fails at startup
 * @param intraOpThreads threads one native operation may use; 1 measured fastest for small recurrent
 *     models on a 2-core machine (see bench/README.md)
 * @param maxHorizon longest horizon served, by roll-out beyond a model's own horizon
 * @param warmUp train and run a tiny model at startup so the first request does not pay for it
 */
@Validated
@ConfigurationProperties("seqcast.engine")
public record EngineProperties(
        @NotNull @DefaultValue("auto") DeviceChoice device,
        @Min(1) @Max(256) @DefaultValue("1") int intraOpThreads,
        @Min(1) @Max(100_000) @DefaultValue("1024") int maxHorizon,
        @DefaultValue("true") boolean warmUp) {}
