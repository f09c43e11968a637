package io.seqcast.data;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.limits.*}: how much one request may carry.
 *
 * @param maxSeries series or trajectories per request
 * @param maxPointsPerSeries points per series
 * @param maxFeatures features per point
 * @param maxRequestSize bytes of one request body; larger ones get 413 before they are parsed
 */
@Validated
@ConfigurationProperties("seqcast.limits")
public record DataLimits(
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxSeries,
        @Min(2) @Max(10_000_000) @DefaultValue("100000") int maxPointsPerSeries,
        @Min(1) @Max(1024) @DefaultValue("64") int maxFeatures,
        @NotNull @DefaultValue("16MB") DataSize maxRequestSize) {}
