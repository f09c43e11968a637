package io.seqcast.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The engine's baselines alone, with no network and no validation, on the benchmark sets' split (as
 * {@link AccuracyBenchmark} holds out and scores): each candidate, the prior ({@link Blending#PRIOR}), and
 * the prior on a variance-stabilising transform of positive series (issue 9 item 1): the logarithm, Box-Cox
 * with Guerrero's lambda (as R's {@code BoxCox.lambda} finds it), and the Box-Cox forecast only where it
 * validates 10 % better than the untransformed one on the last origins of the training part. Geometric-mean
 * MASE per set and over the held-out sets. Arguments: the set folders (default bench/data and
 * bench/unseen*). Takes seconds.
 */
public final class BaselineBenchmark {

    private interface Forecaster {
        double[] forecast(double[] history, int period, int horizon);
    }

    private BaselineBenchmark() {}

    public static void main(String[] args) throws IOException {
        Map<String, Forecaster> forecasters = new LinkedHashMap<>();
        for (Baselines.Method method : Baselines.Method.candidates()) {
            forecasters.put(method.name(), (y, m, h) -> Baselines.forecast(method, y, m, h));
        }
        forecasters.put("PRIOR", BaselineBenchmark::prior);
        forecasters.put("PRIOR-LOG", transformed(y -> 0.0));
        forecasters.put("PRIOR-BOXCOX", transformed(BaselineBenchmark::guerrero));
        forecasters.put("PRIOR-BOXCOX-VALIDATED", (y, m, h) -> validation(transformed(BaselineBenchmark::guerrero), y, m, h)
                < 0.9 * validation(BaselineBenchmark::prior, y, m, h)
                ? transformed(BaselineBenchmark::guerrero).forecast(y, m, h) : prior(y, m, h));
        List<Path> sets = args.length > 0 ? Arrays.stream(args).map(Path::of).toList() : defaultSets();
        Map<String, Double> heldOut = new LinkedHashMap<>();
        int heldOutSeries = 0;
        System.out.printf("%-26s", "geometric-mean MASE");
        sets.forEach(set -> System.out.printf(" %8s", set.getFileName()));
        System.out.printf(" %8s%n", "held-out");
        Map<String, double[]> bySet = new LinkedHashMap<>();
        for (int s = 0; s < sets.size(); s++) {
            Map<String, Integer> series = AccuracyBenchmark.catalog(sets.get(s));
            for (Map.Entry<String, Integer> entry : series.entrySet()) {
                int m = entry.getValue();
                double[] values = AccuracyBenchmark.read(sets.get(s).resolve(entry.getKey() + ".csv"));
                int h = AccuracyBenchmark.horizon(m);
                double[] train = Arrays.copyOf(values, values.length - h);
                double[] test = Arrays.copyOfRange(values, values.length - h, values.length);
                double scale = AccuracyBenchmark.scale(train, m);
                for (Map.Entry<String, Forecaster> forecaster : forecasters.entrySet()) {
                    double logMase = Math.log(mase(forecaster.getValue().forecast(train, m, h), test) / scale);
                    bySet.computeIfAbsent(forecaster.getKey(), k -> new double[sets.size()])[s] += logMase / series.size();
                    if (!sets.get(s).getFileName().toString().equals("data")) {
                        heldOut.merge(forecaster.getKey(), logMase, Double::sum);
                    }
                }
            }
            if (!sets.get(s).getFileName().toString().equals("data")) {
                heldOutSeries += series.size();
            }
        }
        for (Map.Entry<String, double[]> row : bySet.entrySet()) {
            System.out.printf("%-26s", row.getKey());
            Arrays.stream(row.getValue()).forEach(logMean -> System.out.printf(" %8.3f", Math.exp(logMean)));
            System.out.printf(" %8.3f%n", Math.exp(heldOut.getOrDefault(row.getKey(), 0.0) / Math.max(1, heldOutSeries)));
        }
        System.out.printf("held-out series: %d%n", heldOutSeries);
    }

    private static List<Path> defaultSets() throws IOException {
        try (var folders = Files.list(Path.of("bench"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("bench/data")),
                    folders.filter(folder -> folder.getFileName().toString().startsWith("unseen")).sorted()).toList();
        }
    }

    private static double[] prior(double[] history, int period, int horizon) {
        Baselines.Fit fit = Baselines.fit(history, period);
        double[] mean = new double[horizon];
        for (Baselines.Method method : Blending.PRIOR) {
            double[] forecast = fit.forecast(method, horizon);
            for (int k = 0; k < horizon; k++) {
                mean[k] += forecast[k] / Blending.PRIOR.size();
            }
        }
        return mean;
    }

    /** The prior fitted to the Box-Cox transform with the lambda {@code lambda} gives, back-transformed (the median). */
    private static Forecaster transformed(java.util.function.ToDoubleFunction<double[]> lambda) {
        return (y, m, h) -> {
            if (Arrays.stream(y).min().orElse(0) <= 0) {
                return prior(y, m, h);
            }
            double l = lambda.applyAsDouble(y);
            DoubleUnaryOperator forward = v -> Math.abs(l) < 1e-9 ? Math.log(v) : (Math.pow(v, l) - 1) / l;
            DoubleUnaryOperator back = v -> Math.abs(l) < 1e-9 ? Math.exp(v) : Math.pow(Math.max(0, l * v + 1), 1 / l);
            return Arrays.stream(prior(Arrays.stream(y).map(forward).toArray(), m, h)).map(back).toArray();
        };
    }

    /**
     * Guerrero's lambda in [-1, 2] for non-seasonal use (R's {@code BoxCox.lambda(y, "guerrero")} on a series of
     * frequency 1): the one that makes the ratio of each pair of points' deviation to the power 1 - lambda of
     * their mean most nearly constant.
     */
    private static double guerrero(double[] y) {
        int groups = y.length / 2;
        int offset = y.length - groups * 2;
        double best = 1;
        double bestVariation = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 300; step++) {
            double lambda = -1 + step / 100.0;
            double[] ratios = new double[groups];
            for (int g = 0; g < groups; g++) {
                double a = y[offset + 2 * g];
                double b = y[offset + 2 * g + 1];
                double mean = (a + b) / 2;
                ratios[g] = Math.abs(a - b) / Math.sqrt(2) / Math.pow(mean, 1 - lambda);
            }
            double mean = Arrays.stream(ratios).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(ratios).map(r -> (r - mean) * (r - mean)).sum() / (groups - 1));
            if (sd / mean < bestVariation) {
                bestVariation = sd / mean;
                best = lambda;
            }
        }
        return best;
    }

    /** Summed absolute error of up to 6 forecasts from the last origins of the history, a quarter horizon apart. */
    private static double validation(Forecaster forecaster, double[] y, int m, int h) {
        double error = 0;
        for (int j = 0; j < 6; j++) {
            int end = y.length - h - j * Math.max(1, h / 4);
            if (end < Blending.firstOrigin(m)) {
                break;
            }
            double[] forecast = forecaster.forecast(Arrays.copyOf(y, end), m, h);
            for (int k = 0; k < h; k++) {
                error += Math.abs(y[end + k] - forecast[k]);
            }
        }
        return error;
    }

    private static double mase(double[] forecast, double[] test) {
        double error = 0;
        for (int k = 0; k < test.length; k++) {
            error += Math.abs(test[k] - forecast[k]);
        }
        return error / test.length;
    }
}
