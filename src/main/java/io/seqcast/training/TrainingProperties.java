package io.seqcast.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.training.*}.
 *
 * @param jobs folder of the job records
 * @param queueCapacity jobs that may wait; beyond it submissions get 503 with Retry-After
 * @param concurrency trainings at once; 1 suits a 2-core machine (one intra-op thread each, the other core serves)
 * @param maxEpochs the most epochs a job may ask for
 * @param retryAfterSeconds what a full queue tells clients to wait
 */
@Validated
@ConfigurationProperties("seqcast.training")
public record TrainingProperties(
        @NotNull @DefaultValue("./data/jobs") Path jobs,
        @Min(1) @Max(10_000) @DefaultValue("16") int queueCapacity,
        @Min(1) @Max(64) @DefaultValue("1") int concurrency,
        @Min(1) @Max(100_000) @DefaultValue("10000") int maxEpochs,
        @Min(1) @DefaultValue("30") int retryAfterSeconds) {}
