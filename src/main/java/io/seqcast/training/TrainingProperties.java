package io.seqcast.training;

import io.seqcast.engine.TrainingSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seqcast.training.*}.
 *
 * @param jobs folder of the job records
 * @param queueCapacity jobs that may wait; beyond it submissions get 503 with Retry-After
 * @param concurrency trainings at once; 1 suits a 2-core machine (one intra-op thread each, the other core serves)
 * @param maxEpochs the most epochs a job may ask for
 * @param retryAfterSeconds what a full queue tells clients to wait
 * @param maxHiddenSize the widest recurrent layer a job may ask for
 * @param maxLayers the most stacked layers a job may ask for
 * @param maxWindow the longest input window a job may ask for
 * @param maxMembers the most networks a forecaster's ensemble may train; the default ensemble is cut to it
 * @param maxMemory the estimated peak memory one job may take; unset, half the JVM's maximum heap shared
 *     among {@code concurrency} jobs (the encoded windows live on the heap, and the native tensors of a
 *     batch are far smaller)
 */
@Validated
@ConfigurationProperties("seqcast.training")
public record TrainingProperties(
        @NotNull @DefaultValue("./data/jobs") Path jobs,
        @Min(1) @Max(10_000) @DefaultValue("16") int queueCapacity,
        @Min(1) @Max(64) @DefaultValue("1") int concurrency,
        @Min(1) @Max(100_000) @DefaultValue("10000") int maxEpochs,
        @Min(1) @DefaultValue("30") int retryAfterSeconds,
        @Min(1) @Max(1024) @DefaultValue("512") int maxHiddenSize,
        @Min(1) @Max(8) @DefaultValue("4") int maxLayers,
        @Min(1) @Max(4096) @DefaultValue("2048") int maxWindow,
        @Min(1) @Max(TrainingSpec.MAX_MEMBERS) @DefaultValue("" + TrainingSpec.MAX_MEMBERS) int maxMembers,
        DataSize maxMemory) {

    /** The memory budget of one job, in bytes. */
    long memoryBudget() {
        return maxMemory != null ? maxMemory.toBytes() : Runtime.getRuntime().maxMemory() / 2 / concurrency;
    }
}
