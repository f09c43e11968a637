package io.seqcast.forecasting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code seqcast.forecasting.*}. @param cacheSize model versions kept loaded, least recently used evicted */
@Validated
@ConfigurationProperties("seqcast.forecasting")
public record ForecastingProperties(@Min(1) @Max(1024) @DefaultValue("16") int cacheSize) {}
