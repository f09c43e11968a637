package io.seqcast.training;

import io.seqcast.api.ProblemException;
import io.seqcast.data.DataPayload;
import io.seqcast.data.ParsedData;
import io.seqcast.data.PayloadParser;
import io.seqcast.data.SeriesPayload;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.Task;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/** Pre-flight checks of training requests: the findings a user can act on, before a job is queued. */
@Service
class DataChecks {

    private static final double OUTLIER_DEVIATIONS = 5;

    private final PayloadParser parser;
    private final SequenceEngine engine;
    private final TrainingProperties limits;

    DataChecks(PayloadParser parser, SequenceEngine engine, TrainingProperties limits) {
        this.parser = parser;
        this.engine = engine;
        this.limits = limits;
    }

    /** Checks a request (its body is required, so never null). */
    DataCheck check(TrainingRequest request) {
        if (request.taskOrDefault() == Task.CLASSIFICATION) {
            return classification(request);
        }
        ParsedData parsed;
        try {
            parsed = parser.parse(request.data(), "/data");
        } catch (InvalidInputException refused) {
            return refused(refused.getMessage(), refused.field(), List.of());
        }
        List<DataCheck.SeriesCheck> series = series(request.data(), parsed);
        TrainingPlan plan;
        try {
            plan = TrainingPlan.of(request, parsed, engine, limits);
        } catch (InvalidInputException refused) {
            return refused(refused.getMessage(), refused.field(), series);
        } catch (ProblemException refused) {
            return refused(refused.getBody().getDetail(), null, series);
        }
        int window = plan.spec().window();
        int horizon = plan.spec().horizon();
        long windows = 0;
        for (Sequence sequence : plan.data().sequences()) {
            windows += Math.max(0, sequence.length() - window - horizon + 1);
        }
        // A frequency without a season (P1Y, PT744H) leaves the season to detection.
        String source = request.data().seasonality() != null ? "given"
                : parsed.data().seasonalPeriod() > 1 ? "frequency" : "detected";
        return new DataCheck(true, null, null, plan.data().seasonalPeriod(), source, window, horizon, windows,
                engine.members(plan.data(), plan.spec(), plan.training()),
                engine.estimateTrainingBytes(plan.data(), plan.spec(), plan.training()), limits.memoryBudget(),
                engine.estimateTrainingSeconds(plan.data(), plan.spec(), plan.training()), series);
    }

    /** A refusal found before the request could be built (a CSV that does not parse). */
    /**
     * The per-series checks (gaps, seasons, windows) are a forecaster's; a classification job is checked as
     * training would check it: window is the longest sequence read, windows the sequences.
     */
    private DataCheck classification(TrainingRequest request) {
        TrainingPlan plan;
        try {
            plan = TrainingPlan.of(request, parser, engine, limits);
        } catch (InvalidInputException refused) {
            return refused(refused.getMessage(), refused.field(), List.of());
        } catch (ProblemException refused) {
            return refused(refused.getBody().getDetail(), null, List.of());
        }
        return new DataCheck(true, null, null, null, null, plan.classifier().maxLength(), null,
                (long) plan.labelled().sequences().size(), 1,
                engine.estimateClassifierBytes(plan.labelled(), plan.classifier(), plan.training()),
                limits.memoryBudget(), engine.estimateClassifierSeconds(plan.labelled(), plan.classifier(),
                        plan.training()), List.of());
    }

    DataCheck refusal(InvalidInputException refused) {
        return refused(refused.getMessage(), where(refused), List.of());
    }

    /** The same check with its refusal placed as {@code placed} places it (a query parameter, /csv). */
    DataCheck withPointer(DataCheck check, InvalidInputException placed) {
        return new DataCheck(check.accepted(), check.reason(), where(placed), check.season(), check.seasonSource(),
                check.window(), check.horizon(), check.windows(), check.members(), check.estimatedBytes(),
                check.memoryBudget(), check.estimatedSeconds(), check.series());
    }

    /** A JSON pointer, or a query parameter's name. */
    private static String where(InvalidInputException refused) {
        return refused.field();
    }

    private static DataCheck refused(String reason, String pointer, List<DataCheck.SeriesCheck> series) {
        return new DataCheck(false, reason, pointer, null, null, null, null, null, null, null, null, null, series);
    }

    /** Per series findings, from the values as posted (missing ones counted) and as parsed (filled). */
    private static List<DataCheck.SeriesCheck> series(DataPayload data, ParsedData parsed) {
        if (parsed.trajectories()) {
            return List.of();
        }
        List<DataCheck.SeriesCheck> out = new ArrayList<>();
        for (int i = 0; i < data.series().size(); i++) {
            SeriesPayload payload = data.series().get(i);
            Sequence sequence = parsed.data().sequences().get(i);
            float[][] values = sequence.values();
            int longest = 0;
            int outliers = 0;
            for (int f = 0; f < values[0].length; f++) {
                longest = Math.max(longest, longestRun(values, f));
                outliers += outliers(values, f);
            }
            out.add(new DataCheck.SeriesCheck(sequence.id(), values.length, payload.values().missing(),
                    payload.frequency(), longest, outliers));
        }
        return out;
    }

    private static int longestRun(float[][] values, int feature) {
        int longest = values.length == 0 ? 0 : 1;
        for (int t = 1, run = 1; t < values.length; t++) {
            run = values[t][feature] == values[t - 1][feature] ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static int outliers(float[][] values, int feature) {
        if (values.length < 4) {
            return 0;
        }
        double[] changes = new double[values.length - 1];
        for (int t = 1; t < values.length; t++) {
            changes[t - 1] = values[t][feature] - values[t - 1][feature];
        }
        double median = median(changes);
        double[] deviations = new double[changes.length];
        for (int t = 0; t < changes.length; t++) {
            deviations[t] = Math.abs(changes[t] - median);
        }
        double spread = 1.4826 * median(deviations);
        int count = 0;
        for (double deviation : deviations) {
            count += spread > 0 && deviation > OUTLIER_DEVIATIONS * spread ? 1 : 0;
        }
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
