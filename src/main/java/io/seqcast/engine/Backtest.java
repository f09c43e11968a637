package io.seqcast.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a version's forecasts fared on rolling origins at the end of its training data, step by step: the
 * model as it forecasts (its blend) and every candidate, each built-in baseline among them. The origins
 * are those the blend was chosen on, so the model's own figures are optimistic by that choice; the
 * baselines' are not.
 *
 * @param origins forecast origins scored (series x origin)
 * @param horizon steps ahead scored, the horizon the version was trained for
 * @param model the members the model forecasts with (its blend)
 * @param scores per forecaster ({@code MODEL}, {@code NETWORK} where it was scored, each baseline), the
 *     figures at each step ahead
 */
public record Backtest(int origins, int horizon, List<String> model, Map<String, Steps> scores) {

    public static final String MODEL = "MODEL";

    public Backtest {
        model = List.copyOf(model);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * Errors at each step ahead, averaged over the origins (and features).
     *
     * @param mase mean absolute error scaled by the in-sample seasonal naive error before each origin
     * @param smape symmetric mean absolute percentage error, in percent (0 to 200)
     * @param rmse root mean squared error, in the data's units
     */
    public record Steps(double[] mase, double[] smape, double[] rmse) {}
}
