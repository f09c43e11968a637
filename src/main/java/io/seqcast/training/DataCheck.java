package io.seqcast.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a training request would meet, found without training: per series what a user can act on, and for
 * the job whether it would be accepted, with the reason when not.
 *
 * @param accepted whether the same request would be queued as a training job
 * @param reason why not, as the training endpoint would answer (null when accepted)
 * @param pointer where in the request the reason lies, when it lies in one place: a JSON pointer, or for a
 *     CSV submission a query parameter's name or {@code /csv}
 * @param season the season training would use ({@code seasonSource}: given, frequency or detected)
 * @param windows windows of window + horizon points the series hold (training and validation together)
 * @param members networks training would average (1 for a classifier)
 * @param estimatedBytes the job's estimated peak memory, as the service bounds it
 * @param memoryBudget the most one job may take here ({@code seqcast.training.max-memory})
 * @param estimatedSeconds roughly how long training would take on this machine if it ran every epoch (early
 *     stopping usually ends it sooner), from the work it takes and the engine's measured rate
 */
@Schema(description = "A training request checked without training: per series findings and whether the job would be"
        + " accepted")
record DataCheck(
        boolean accepted,
        String reason,
        String pointer,
        Integer season,
        String seasonSource,
        Integer window,
        Integer horizon,
        Long windows,
        Integer members,
        Long estimatedBytes,
        Long memoryBudget,
        Double estimatedSeconds,
        List<SeriesCheck> series) {

    /**
     * @param missing missing values (null, empty cells), which training fills
     * @param longestConstantRun the most consecutive equal values: long stretches look like a stuck sensor
     * @param outliers steps whose change lies more than 5 robust standard deviations (1.4826 MAD) from the
     *     median change
     */
    record SeriesCheck(String id, int length, int missing, String frequency, int longestConstantRun, int outliers) {}
}
