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
 * @param transform what the baselines are fitted to: {@code NONE}, the series; {@code BOX_COX}, each positive
 *     history's Box-Cox transform with Guerrero's lambda, their forecasts transformed back (versions trained
 *     before there was a choice: {@code NONE})
 */
public record ForecastBlend(List<String> members, Map<String, Double> validationMase, int origins, String reason,
        String transform) {

    public static final String NETWORK = "NETWORK";
    public static final String NONE = "NONE";
    public static final String BOX_COX = "BOX_COX";

    public ForecastBlend {
        members = List.copyOf(members);
        // Insertion order kept: the candidates as scored, then the blend.
        validationMase = Collections.unmodifiableMap(new LinkedHashMap<>(validationMase));
        transform = transform == null ? NONE : transform;
        if (!transform.equals(NONE) && !transform.equals(BOX_COX)) {
            throw new IllegalArgumentException("unknown transform " + transform);
        }
    }

    /** Baselines fitted to the series themselves. */
    public ForecastBlend(List<String> members, Map<String, Double> validationMase, int origins, String reason) {
        this(members, validationMase, origins, reason, NONE);
    }

    /** Whether the baselines are fitted to Box-Cox transforms of the histories. */
    public boolean boxCox() {
        return transform.equals(BOX_COX);
    }

    /** The same choice, its reason extended. */
    public ForecastBlend withReason(String newReason) {
        return new ForecastBlend(members, validationMase, origins, newReason, transform);
    }

    /** The network alone: what a model of trajectories, or trained with {@code networkOnly}, forecasts with. */
    public static ForecastBlend networkOnly(String reason) {
        return new ForecastBlend(List.of(NETWORK), Map.of(), 0, reason);
    }
}
