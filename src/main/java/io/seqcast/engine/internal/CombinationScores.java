package io.seqcast.engine.internal;

import io.seqcast.engine.Backtest;
import java.util.List;

/**
 * How an equal-weight combination of forecasters scores on validation cases: per case (a series and feature
 * at one origin) every candidate's forecast, the actual values and the MASE scale; the combination is
 * given by the candidates' indexes.
 */
final class CombinationScores {

    private CombinationScores() {}

    /** The mean MASE of the combination of {@code members} over every case. */
    static double score(List<double[][]> forecasts, List<double[]> actuals, List<Double> scales, int[] members) {
        double total = 0;
        for (int k = 0; k < forecasts.size(); k++) {
            double[] actual = actuals.get(k);
            double error = 0;
            for (int h = 0; h < actual.length; h++) {
                error += Math.abs(actual[h] - mean(forecasts.get(k), members, h));
            }
            total += error / actual.length / scales.get(k);
        }
        return total / forecasts.size();
    }

    /** The combination's forecast at step {@code h} of one case: the mean of its members'. */
    private static double mean(double[][] byCandidate, int[] members, int h) {
        double sum = 0;
        for (int member : members) {
            sum += byCandidate[member][h];
        }
        return sum / members.length;
    }

    /** The errors at each step ahead of the mean of {@code members}, over every scored case. */
    static Backtest.Steps steps(List<double[][]> forecasts, List<double[]> actuals, List<Double> scales,
            int[] members, int horizon) {
        double[] mase = new double[horizon];
        double[] smape = new double[horizon];
        double[] rmse = new double[horizon];
        for (int k = 0; k < forecasts.size(); k++) {
            double[] actual = actuals.get(k);
            for (int h = 0; h < horizon; h++) {
                double mean = mean(forecasts.get(k), members, h);
                double error = Math.abs(actual[h] - mean);
                double sum = Math.abs(actual[h]) + Math.abs(mean);
                mase[h] += error / scales.get(k);
                smape[h] += sum == 0 ? 0 : 200 * error / sum;
                rmse[h] += error * error;
            }
        }
        int cases = forecasts.size();
        for (int h = 0; h < horizon; h++) {
            mase[h] /= cases;
            smape[h] /= cases;
            rmse[h] = Math.sqrt(rmse[h] / cases);
        }
        return new Backtest.Steps(mase, smape, rmse);
    }
}
