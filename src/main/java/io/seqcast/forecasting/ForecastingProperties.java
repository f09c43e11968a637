package io.seqcast.forecasting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.forecasting.*}.
 *
 * @param cacheSize model versions kept loaded, least recently used evicted
 * @param cacheBytes parameters kept loaded, in bytes of native memory, least recently used evicted
 */
@Validated
@ConfigurationProperties("seqcast.forecasting")
public record ForecastingProperties(
        @Min(1) @Max(1024) @DefaultValue("16") int cacheSize,
        @NotNull @DefaultValue("512MB") DataSize cacheBytes) {}
