package io.seqcast.registry;

import io.seqcast.engine.Backtest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Two versions of a model scored on the same cases: the series and rolling origins of the candidate's
 * backtest, each version forecasting from the same histories.
 *
 * @param model the model
 * @param horizon steps ahead scored (the candidate's horizon)
 * @param origins forecast origins both versions were scored on
 * @param skipped origins left out because a history was shorter than a version's window
 * @param candidate the version asked about
 * @param against the version it is compared with
 * @param candidateBetter whether the candidate's mean MASE is strictly lower
 */
@Schema(description = "Two versions scored on the candidate's backtest origins; lower MASE is better")
public record VersionComparison(String model, int horizon, int origins, int skipped, Side candidate, Side against,
        boolean candidateBetter) {

    /**
     * @param version the version scored
     * @param alias the alias it was named by, null when named by number
     * @param mase mean absolute scaled error over every origin and step
     * @param steps errors at each step ahead
     */
    public record Side(int version, @Schema(nullable = true) String alias, double mase, Backtest.Steps steps) {

        Map<String, Object> summary() {
            return alias == null ? Map.of("version", version, "mase", mase)
                    : Map.of("version", version, "alias", alias, "mase", mase);
        }
    }
}
