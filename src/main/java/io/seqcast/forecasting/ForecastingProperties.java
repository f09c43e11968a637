package io.seqcast.forecasting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.forecasting.*}. The budgets are sized by measurement (bench/README.md, "Bounded
 * work") so that a request at either one takes well under a second of CPU and tens of MB here.
 *
 * @param cacheSize model versions kept loaded, least recently used evicted
 * @param cacheBytes parameters kept loaded, in bytes of native memory, least recently used evicted
 * @param maxValues the most predicted values one request may ask for: series x horizon x features
 * @param maxWork the most work one request may ask for, in multiply-adds: per series and roll-out pass,
 *     one forward pass over the window, and per series the refit of exponential smoothing where the model
 *     blends it in or its network reads it (as {@code ForecastModel.forecastWork} counts it)
 * @param timeout how long one request may wait and compute before it stops and answers 503
 * @param workers inference threads that run batched network passes; 0: one per core
 * @param maxBatch the most windows one batched network pass takes
 * @param maxBatchDelay how long a worker waits for more windows when its batch is not full; 0: it runs
 *     what is queued at once (with requests arriving while a pass runs, batches fill by themselves)
 * @param queueCapacity the most windows waiting for a worker; a request beyond it is answered 503
 */
@Validated
@ConfigurationProperties("seqcast.forecasting")
public record ForecastingProperties(
        @Min(1) @Max(1024) @DefaultValue("16") int cacheSize,
        @NotNull @DefaultValue("512MB") DataSize cacheBytes,
        @Min(1) @DefaultValue("1000000") long maxValues,
        @Min(1) @DefaultValue("10000000000") long maxWork,
        @NotNull @DefaultValue("10s") Duration timeout,
        @Min(0) @Max(256) @DefaultValue("0") int workers,
        @Min(1) @Max(4096) @DefaultValue("64") int maxBatch,
        @NotNull @DefaultValue("0ms") Duration maxBatchDelay,
        @Min(1) @DefaultValue("4096") int queueCapacity) {

    /** The inference threads to start: {@link #workers}, or one per core when 0. */
    int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
