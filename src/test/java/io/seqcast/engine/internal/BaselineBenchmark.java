package io.seqcast.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;

/**
 * The engine's baselines alone, with no network and no validation, on the benchmark sets' split (as
 * {@link AccuracyBenchmark} holds out and scores): each candidate, the prior ({@link Blending#PRIOR}), and
 * the prior on a variance-stabilising transform of positive series (issue 9 item 1): the logarithm, Box-Cox
 * with Guerrero's lambda (as R's {@code BoxCox.lambda(y, "guerrero")} finds it, on a grid of 0.01), and the
 * Box-Cox forecast only where it validates 10 % better than the untransformed one on the last origins of the
 * training part. Where the transform cannot be inverted (below the lower bound of a negative lambda) the
 * prior forecasts untransformed. Geometric-mean
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
        forecasters.put("PRIOR-LOG", transformed((y, m) -> 0.0));
        Forecaster boxCox = transformed(BoxCox::guerrero);
        forecasters.put("PRIOR-BOXCOX", boxCox);
        forecasters.put("PRIOR-BOXCOX-VALIDATED", (y, m, h) -> validation(boxCox, y, m, h)
                < 0.9 * validation(BaselineBenchmark::prior, y, m, h) ? boxCox.forecast(y, m, h) : prior(y, m, h));
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
                    double logMase = Math.log(meanAbsoluteError(forecaster.getValue().forecast(train, m, h), test) / scale);
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
            return Stream.concat(Stream.of(Path.of("bench/data")),
                    folders.filter(folder -> folder.getFileName().toString().startsWith("unseen")).sorted()).toList();
        }
    }

    /** The prior's forecast: the mean of {@link Blending#PRIOR}'s members, fitted once. */
    static double[] prior(double[] history, int period, int horizon) {
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
    private static Forecaster transformed(ToDoubleBiFunction<double[], Integer> lambda) {
        return (y, m, h) -> {
            BoxCox fitted = BoxCox.of(y, m);
            if (fitted == null) {
                return prior(y, m, h);
            }
            // As the engine transforms: relative to the history's mean, a step with no preimage untransformed.
            BoxCox transform = new BoxCox(lambda.applyAsDouble(y, m), fitted.scale());
            double[] forecast = transform.inverse(prior(transform.forward(y), m, h));
            double[] plain = prior(y, m, h);
            for (int k = 0; k < h; k++) {
                forecast[k] = Double.isNaN(forecast[k]) ? plain[k] : forecast[k];
            }
            return forecast;
        };
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

    private static double meanAbsoluteError(double[] forecast, double[] test) {
        double error = 0;
        for (int k = 0; k < test.length; k++) {
            error += Math.abs(test[k] - forecast[k]);
        }
        return error / test.length;
    }
}
