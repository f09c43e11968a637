package io.seqcast.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model forecasts with, chosen on rolling-origin validation: the network, classical baselines
 * fitted per series at forecast time, or an equal-weight combination of some of them.
 *
 * @param members the forecasters combined, each {@code NETWORK} or a baseline ({@code SEASONAL_NAIVE},
 *     {@code NAIVE}, {@code DRIFT}, {@code SES}, {@code DAMPED}, {@code THETA}, {@code ETS_AVERAGED},
 *     {@code AR}; {@code ETS}, the form of lowest AICc alone, in versions trained before that)
 * @param validationMase mean MASE of every candidate and of the chosen combination ({@code BLEND}) over the
 *     validation origins
 * @param origins forecast origins scored (series x origin)
 * @param reason why this choice, in words
 */
public record ForecastBlend(List<String> members, Map<String, Double> validationMase, int origins, String reason) {

    public static final String NETWORK = "NETWORK";

    public ForecastBlend {
        members = List.copyOf(members);
        // Insertion order kept: the candidates as scored, then the blend.
        validationMase = Collections.unmodifiableMap(new LinkedHashMap<>(validationMase));
    }

    /** The network alone: what a model of trajectories, or trained with {@code networkOnly}, forecasts with. */
    public static ForecastBlend networkOnly(String reason) {
        return new ForecastBlend(List.of(NETWORK), Map.of(), 0, reason);
    }
}
