package io.seqcast.engine.internal;

import io.seqcast.engine.Backtest;
import io.seqcast.engine.ForecastBlend;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses what a model forecasts with by rolling-origin validation, and combines the chosen members at
 * forecast time. Candidates: the network (scored only on origins it did not train on) and the classical
 * baselines, each refitted on the history before every origin. Every equal-weight combination of the
 * candidates is scored on the same origins; the lowest mean MASE wins, a single forecaster only by a
 * margin, the network never alone, and anything but the prior ({@link #PRIOR}) only if it beats the prior by
 * a margin too. A prior kept is fitted to Box-Cox transforms of positive series where that validates better
 * by a margin. Where no origin can be scored exponential smoothing forecasts.
 */
final class Blending {

    /** Series scored, at most (evenly spread): bounds the cost for global models of many series. */
    static final int MAX_SERIES = 256;
    /** Origins per series, at most, the latest first, a quarter of a horizon apart. */
    static final int MAX_ORIGINS = 10;
    /**
     * A forecaster is chosen alone only if it beats every combination by this margin on validation: a few
     * origins reward noise, and combinations carry over better (M4; measured in bench/README.md).
     */
    private static final double SINGLE_PENALTY = 0.10;
    /**
     * What a series is forecast with unless validation shows something better by {@link #PRIOR_MARGIN}: the
     * mean of exponential smoothing (its forms weighted by AICc) and damped-trend smoothing, which need no
     * validation origins. Alone, with no validation, exponential smoothing forecasts held-out series better;
     * but where the mean validates well it forecasts better than exponential smoothing, and where it does
     * not, alternatives clear the margin and do better: the lowest error of the priors measured
     * (bench/README.md).
     */
    static final List<Baselines.Method> PRIOR = List.of(Baselines.Method.ETS_AVERAGED, Baselines.Method.DAMPED);
    /**
     * Lower margins let validation leave the prior on noise: 30 % beat 5 to 20 % on four of the five benchmark
     * sets, one of them put together after the choice (bench/README.md).
     */
    private static final double PRIOR_MARGIN = 0.30;
    /**
     * The prior is fitted to Box-Cox transforms of positive series only where that makes its validation error
     * this much lower: transformed everywhere it forecast held-out series worse; chosen so, the 178 held-out
     * series as well as untransformed (bench/README.md, "The variance-stabilising transform landed").
     */
    private static final double TRANSFORM_MARGIN = 0.10;
    /** History a baseline is scored on, at the least. */
    private static final int MIN_HISTORY = 8;

    /**
     * The first origin a baseline is scored at: one where it can fit the form it fits on a long history (a
     * season wants two seasons and more), or validation would judge, say, seasonal exponential smoothing by
     * a non-seasonal fit on a short start.
     */
    static int firstOrigin(int period) {
        return Math.max(MIN_HISTORY, Ets.seasonalLength(period));
    }

    /** The network's forecast of {@code horizon} steps from the window that ends before {@code origin}. */
    @FunctionalInterface
    interface NetworkForecast {
        float[][] at(int sequence, int origin);
    }

    private Blending() {}

    static List<String> priorNames() {
        return PRIOR.stream().map(Enum::name).toList();
    }

    /**
     * The blend chosen, and the backtest of every candidate on the origins it was chosen on (or null), with
     * the calibration of the blend's errors and of the network's alone (null where not scored).
     */
    record Choice(ForecastBlend blend, Backtest backtest, Backtest.Calibration networkCalibration,
            BacktestCases cases) {}

    /** {@code fits}: where the network's forecasts fit baselines too, the cache they share them through (or null). */
    static Choice choose(SequenceData data, Split split, int window, int horizon, NetworkForecast network,
            FitCache fits) {
        if (data.kind() != SequenceKind.SERIES) {
            return new Choice(ForecastBlend.networkOnly("trajectories are forecast by the network alone"), null, null,
                    null);
        }
        boolean networkScored = split.hasValidation();
        List<String> candidates = new ArrayList<>();
        if (networkScored) {
            candidates.add(ForecastBlend.NETWORK);
        }
        for (Baselines.Method method : Baselines.Method.candidates()) {
            candidates.add(method.name());
        }
        int period = data.seasonalPeriod();
        List<double[][]> forecasts = new ArrayList<>(); // per case: [candidate][step]
        List<int[]> caseKeys = new ArrayList<>(); // per case: series, origin, feature
        List<double[]> actuals = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        int n = data.sequences().size();
        int scored = Math.min(n, MAX_SERIES);
        int origins = 0;
        List<float[][]> casesSeries = new ArrayList<>();
        List<int[]> casesOrigins = new ArrayList<>();
        for (int k = 0; k < scored; k++) {
            int i = (int) ((long) k * n / scored);
            float[][] values = data.sequences().get(i).values();
            int length = values.length;
            // The network only where it did not train; baselines, refitted per origin, where they can fit a season.
            int lowest = Math.max(networkScored ? split.trainingEnd()[i] : 0, firstOrigin(period));
            int stride = Math.max(1, horizon / 4);
            List<Integer> seriesOrigins = new ArrayList<>();
            for (int c = 0, origin = length - horizon; c < MAX_ORIGINS && origin >= lowest; c++, origin -= stride) {
                origins++;
                seriesOrigins.add(origin);
                float[][] networkForecast = networkScored ? network.at(i, origin) : null;
                for (int f = 0; f < data.featureCount(); f++) {
                    double scale = Accuracy.naiveScale(values, origin, f, period);
                    if (!(scale > 0)) {
                        continue;
                    }
                    double[] history = column(values, 0, origin, f);
                    Baselines.Fit fit = fits == null ? Baselines.fit(history, period) : fits.fit(history, period);
                    double[][] byCandidate = byCandidate(candidates, candidates, fit, networkForecast, horizon, f);
                    forecasts.add(byCandidate);
                    caseKeys.add(new int[] {i, origin, f});
                    actuals.add(column(values, origin, origin + horizon, f));
                    scales.add(scale);
                }
            }
            if (!seriesOrigins.isEmpty()) {
                casesSeries.add(values);
                casesOrigins.add(seriesOrigins.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        if (forecasts.isEmpty()) {
            // Nothing scored: exponential smoothing alone, whose forms fit a season with the level, where the damped
            // trend leans on a classical decomposition of the few seasons there are (bench/README.md). Its own
            // uncertainty still gives its forecasts intervals.
            Backtest.Calibration model = BlendCalibration.model(data, horizon);
            List<String> smoothing = List.of(Baselines.Method.ETS_AVERAGED.name());
            return new Choice(new ForecastBlend(smoothing, Map.of(), 0, "the series are too short to score any"
                    + " forecast origin: exponential smoothing, its forms weighted by AICc"),
                    model == null ? null : new Backtest(0, horizon, smoothing, Map.of(), model), null, null);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int c = 0; c < candidates.size(); c++) {
            scores.put(candidates.get(c), CombinationScores.score(forecasts, actuals, scales, new int[] {c}));
        }
        Integer[] ranked = new Integer[candidates.size()];
        for (int c = 0; c < ranked.length; c++) {
            ranked[c] = c;
        }
        Arrays.sort(ranked, Comparator.comparingDouble(c -> scores.get(candidates.get(c))));
        int top = ranked.length; // every candidate, in rank order so that ties go to the better ones
        int[] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int size = 1; size <= top; size++) {
            for (int mask = 1; mask < 1 << top; mask++) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                int[] members = new int[size];
                for (int b = 0, m = 0; b < top; b++) {
                    if ((mask & 1 << b) != 0) {
                        members[m++] = ranked[b];
                    }
                }
                // Never the network alone (a request can ask for that: networkOnly): early-stopped on these
                // origins, it carried over worst alone (bench/README.md, "The network never alone").
                if (size == 1 && candidates.get(members[0]).equals(ForecastBlend.NETWORK)) {
                    continue;
                }
                double score = CombinationScores.score(forecasts, actuals, scales, members)
                        * (size == 1 ? 1 + SINGLE_PENALTY : 1);
                if (score < bestScore - 1e-12) {
                    bestScore = score;
                    best = members;
                }
            }
        }
        double found = CombinationScores.score(forecasts, actuals, scales, best);
        String foundNames = names(candidates, best);
        int[] prior = priorNames().stream().mapToInt(candidates::indexOf).toArray();
        double priorScore = CombinationScores.score(forecasts, actuals, scales, prior);
        boolean foundIsPrior = Arrays.equals(Arrays.stream(best).sorted().toArray(), Arrays.stream(prior).sorted().toArray());
        boolean priorKept = !(found < priorScore * (1 - PRIOR_MARGIN));
        if (priorKept) {
            best = prior;
        }
        // Only the prior kept goes on Box-Cox transforms: a transformed prior that validated better was harder to
        // leave, and kept series the blend forecast better (bench/README.md).
        List<double[][]> transformedForecasts = priorKept
                ? transformedPrior(data, caseKeys, forecasts, candidates, horizon, fits) : null;
        double transformedPrior = transformedForecasts != null
                ? CombinationScores.score(transformedForecasts, actuals, scales, prior) : Double.NaN;
        boolean boxCox = transformedPrior < priorScore * (1 - TRANSFORM_MARGIN);
        List<double[][]> chosenForecasts = boxCox ? transformedForecasts : forecasts;
        List<String> chosen = new ArrayList<>();
        for (int member : best) {
            chosen.add(candidates.get(member));
        }
        scores.put("BLEND", CombinationScores.score(chosenForecasts, actuals, scales, best));
        String priorName = String.join(" + ", priorNames());
        String reason = (foundIsPrior
                ? String.format(Locale.ROOT, "%s, the prior, has the lowest mean MASE over %d validation origins (%.3f)",
                        priorName, origins, priorScore)
                : priorKept
                ? String.format(Locale.ROOT, "%s kept as the prior over %d validation origins (mean MASE %.3f): the best"
                        + " found, %s %.3f, is not %.0f %% lower", priorName, origins, priorScore, foundNames,
                        found, 100 * PRIOR_MARGIN)
                : String.format(Locale.ROOT, "lowest mean MASE over %d validation origins: %s %.3f, at least %.0f %%"
                        + " below the prior, %s (%.3f)", origins, foundNames, found, 100 * PRIOR_MARGIN, priorName,
                        priorScore))
                + (networkScored ? String.format(Locale.ROOT, "; the network alone %.3f (never chosen alone)",
                        scores.get(ForecastBlend.NETWORK))
                        : "; the network was not scored (no validation split), so only baselines were candidates")
                + String.format(Locale.ROOT, "; seasonal naive %.3f", scores.get(Baselines.Method.SEASONAL_NAIVE.name()))
                + (boxCox ? String.format(Locale.ROOT, "; the prior on Box-Cox transforms of the series (Guerrero's"
                        + " lambda), where it scored %.3f against %.3f untransformed", transformedPrior, priorScore)
                : Double.isNaN(transformedPrior) ? ""
                : String.format(Locale.ROOT, "; the prior on the series: on Box-Cox transforms it scored %.3f, not"
                        + " %.0f %% below", transformedPrior, 100 * TRANSFORM_MARGIN));
        String transform = boxCox ? ForecastBlend.BOX_COX : ForecastBlend.NONE;
        Map<String, Backtest.Steps> steps = new LinkedHashMap<>();
        steps.put(Backtest.MODEL, CombinationScores.steps(chosenForecasts, actuals, scales, best, horizon));
        for (int c = 0; c < candidates.size(); c++) {
            steps.put(candidates.get(c), CombinationScores.steps(forecasts, actuals, scales, new int[] {c}, horizon));
        }
        ForecastBlend blend = new ForecastBlend(chosen, scores, origins, reason, transform);
        Backtest.Calibration networkCalibration = networkScored
                ? BlendCalibration.errors(data, split, horizon, network, fits, ForecastBlend.networkOnly("calibration"))
                : null;
        return new Choice(blend, new Backtest(origins, horizon, chosen, steps,
                BlendCalibration.of(data, split, horizon, network, fits, blend)),
                networkCalibration, BacktestCases.cut(casesSeries, casesOrigins, window));
    }

    /**
     * Per case, the prior's forecasts on the Box-Cox transform of the case's history, or the case's forecasts as
     * scored where the history has none; null where no history has one. Made only once the prior is kept, and
     * through {@code fits} where there is one, so that calibration finds them there.
     */
    private static List<double[][]> transformedPrior(SequenceData data, List<int[]> caseKeys,
            List<double[][]> forecasts, List<String> candidates, int horizon, FitCache fits) {
        int period = data.seasonalPeriod();
        List<double[][]> transformed = new ArrayList<>(caseKeys.size());
        boolean any = false;
        for (int c = 0; c < caseKeys.size(); c++) {
            int[] key = caseKeys.get(c);
            double[] history = column(data.sequences().get(key[0]).values(), 0, key[1], key[2]);
            Baselines.Fit fit = fits == null ? Baselines.fit(history, period, true) : fits.fit(history, period, true);
            any |= fit.transformed();
            transformed.add(fit.transformed()
                    ? byCandidate(candidates, priorNames(), fit, null, horizon, key[2]) : forecasts.get(c));
        }
        return any ? transformed : null;
    }

    /**
     * The forecasts of one feature by the candidates in {@code forecasting} (null for the others): the network's
     * as given, the baselines' from {@code fit}.
     */
    private static double[][] byCandidate(List<String> candidates, List<String> forecasting, Baselines.Fit fit,
            float[][] networkForecast, int horizon, int feature) {
        double[][] byCandidate = new double[candidates.size()][];
        for (int c = 0; c < candidates.size(); c++) {
            String candidate = candidates.get(c);
            byCandidate[c] = !forecasting.contains(candidate) ? null
                    : candidate.equals(ForecastBlend.NETWORK) ? column(networkForecast, 0, horizon, feature)
                    : fit.forecast(Baselines.Method.valueOf(candidate), horizon);
        }
        return byCandidate;
    }

    /**
     * The blend's forecast of one history: the mean of its members' forecasts, feature by feature, the
     * baselines' fits taken from {@code fits} where it has them (none when null).
     */
    static float[][] combine(ForecastBlend blend, float[][] history, float[][] networkForecast, int period, int horizon,
            FitCache fits) {
        int features = history[0].length;
        float[][] combined = new float[horizon][features];
        int members = blend.members().size();
        for (int f = 0; f < features; f++) {
            // One fit per feature, shared by every baseline member (seasonal adjustment, smoothing weight).
            Baselines.Fit fit = null;
            for (String member : blend.members()) {
                double[] forecast;
                if (member.equals(ForecastBlend.NETWORK)) {
                    forecast = column(networkForecast, 0, horizon, f);
                } else {
                    if (fit == null) {
                        double[] values = column(history, 0, history.length, f);
                        fit = fits != null ? fits.fit(values, period, blend.boxCox())
                                : Baselines.fit(values, period, blend.boxCox());
                    }
                    forecast = fit.forecast(Baselines.Method.valueOf(member), horizon);
                }
                for (int h = 0; h < horizon; h++) {
                    combined[h][f] += (float) (forecast[h] / members);
                }
            }
        }
        return combined;
    }

    private static String names(List<String> candidates, int[] members) {
        List<String> names = new ArrayList<>();
        for (int member : members) {
            names.add(candidates.get(member));
        }
        return String.join(" + ", names);
    }

    static double[] column(float[][] values, int from, int to, int feature) {
        double[] column = new double[to - from];
        for (int t = from; t < to; t++) {
            column[t - from] = values[t][feature];
        }
        return column;
    }
}
