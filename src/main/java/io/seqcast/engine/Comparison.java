package io.seqcast.engine;

/**
 * Two models' forecasts scored on the same cases: the series and rolling origins of the candidate's
 * backtest, each model forecasting from the same history with its own window and blend. MASE is scaled
 * by the seasonal naive error of the history before each origin, as in the backtest.
 *
 * @param horizon steps ahead scored, the candidate's horizon
 * @param origins forecast origins both models were scored on
 * @param skipped origins left out because a history was shorter than one of the models' windows
 * @param candidate the candidate's figures
 * @param other the other model's figures on the same origins
 */
public record Comparison(int horizon, int origins, int skipped, Score candidate, Score other) {

    /**
     * @param mase mean absolute scaled error over every origin and step
     * @param steps the errors at each step ahead
     */
    public record Score(double mase, Backtest.Steps steps) {}

    /** Whether the candidate's mean MASE is strictly lower; a tie is not better. */
    public boolean candidateBetter() {
        return candidate.mase() < other.mase();
    }
}
