package io.seqcast.engine.internal;

import io.seqcast.engine.Comparison;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.NotComparableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores two models on the backtest cases stored with the first. */
final class Comparisons {

    /** Histories per forecast call: bounds the memory of a comparison of many series. */
    private static final int CHUNK = 256;

    private Comparisons() {}

    static Comparison compare(Path candidateDirectory, ForecastModel candidate, ForecastModel other) {
        ModelManifest manifest = ManifestFiles.readVerified(candidateDirectory);
        if (!manifest.files().containsKey(BacktestCases.FILE)) {
            throw new NotComparableException("it has no stored backtest cases: it forecasts trajectories, its series"
                    + " were too short to score a forecast origin, or it was trained before they were kept");
        }
        ModelManifest theirs = other.manifest();
        if (theirs.kind() != manifest.kind() || !theirs.features().equals(manifest.features())) {
            throw new NotComparableException("the models forecast different features (" + manifest.features()
                    + " and " + theirs.features() + ")");
        }
        BacktestCases cases = BacktestCases.read(candidateDirectory);
        int horizon = manifest.spec().horizon();
        int period = manifest.seasonalPeriod();
        int window = Math.max(manifest.spec().window(), theirs.spec().window());

        List<float[][]> histories = new ArrayList<>();
        List<float[][]> actuals = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < cases.series().size(); i++) {
            float[][] values = cases.series().get(i);
            for (int origin : cases.origins().get(i)) {
                if (origin < window) {
                    skipped++;
                    continue;
                }
                histories.add(Arrays.copyOf(values, origin));
                actuals.add(Arrays.copyOfRange(values, origin, origin + horizon));
            }
        }
        if (histories.isEmpty()) {
            throw new NotComparableException("none of its " + skipped + " backtest origins has the " + window
                    + " points of history both models' windows need");
        }
        List<float[][]> ours = forecast(candidate, histories, horizon);
        List<float[][]> others = forecast(other, histories, horizon);

        List<double[][]> forecasts = new ArrayList<>(); // per case and feature: [model][step]
        List<double[]> observed = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (int k = 0; k < histories.size(); k++) {
            float[][] history = histories.get(k);
            for (int f = 0; f < manifest.features().size(); f++) {
                double scale = Accuracy.naiveScale(history, history.length, f, period);
                if (!(scale > 0)) {
                    continue;
                }
                forecasts.add(new double[][] {column(ours.get(k), f), column(others.get(k), f)});
                observed.add(column(actuals.get(k), f));
                scales.add(scale);
            }
        }
        if (forecasts.isEmpty()) {
            throw new NotComparableException("every history before its backtest origins is constant, so no error"
                    + " can be scaled");
        }
        return new Comparison(horizon, histories.size(), skipped,
                score(forecasts, observed, scales, 0, horizon), score(forecasts, observed, scales, 1, horizon));
    }

    private static Comparison.Score score(List<double[][]> forecasts, List<double[]> actuals, List<Double> scales,
            int model, int horizon) {
        int[] members = {model};
        return new Comparison.Score(CombinationScores.score(forecasts, actuals, scales, members),
                CombinationScores.steps(forecasts, actuals, scales, members, horizon));
    }

    private static List<float[][]> forecast(ForecastModel model, List<float[][]> histories, int horizon) {
        List<float[][]> forecasts = new ArrayList<>(histories.size());
        for (int from = 0; from < histories.size(); from += CHUNK) {
            forecasts.addAll(model.forecast(histories.subList(from, Math.min(histories.size(), from + CHUNK)), horizon));
        }
        return forecasts;
    }

    private static double[] column(float[][] values, int feature) {
        double[] column = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            column[t] = values[t][feature];
        }
        return column;
    }
}
