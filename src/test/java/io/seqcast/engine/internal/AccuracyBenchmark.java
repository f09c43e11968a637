package io.seqcast.engine.internal;

import io.seqcast.engine.Defaults;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defaults against R's forecast package on every univariate series of bench/data, on R's split
 * (the last 24 monthly, 8 quarterly, 10 other points held out; MASE scaled by the in-sample seasonal
 * naive error, as ../shared/peers/r_baselines.R scores), trained as a request giving only the horizon
 * and the season would be: the chosen blend (the default), the network alone, and the classical comb of
 * SES, damped and Theta alone; then the blend without any hint (the season detected). Arguments: [data directory, default bench/data] [seeds, default 3]. Run by bench/run.sh.
 */
public final class AccuracyBenchmark {

    private AccuracyBenchmark() {}

    /**
     * The univariate series of a set and their seasons (as R's ts frequency): those its catalog.csv names
     * (name,frequency), else bench/data's.
     */
    static Map<String, Integer> catalog(Path directory) throws IOException {
        Map<String, Integer> series = new LinkedHashMap<>();
        Path catalog = directory.resolve("catalog.csv");
        if (Files.exists(catalog)) {
            List<String> lines = Files.readAllLines(catalog);
            for (String line : lines.subList(1, lines.size())) {
                series.put(line.split(",")[0], Integer.parseInt(line.split(",")[1].trim()));
            }
            return series;
        }
        for (String annual : List.of("Nile", "LakeHuron", "lynx", "sunspot.year", "nhtemp", "discoveries")) {
            series.put(annual, 1);
        }
        for (String monthly : List.of("nottem", "USAccDeaths", "wineind", "gas")) {
            series.put(monthly, 12);
        }
        series.put("JohnsonJohnson", 4);
        series.put("woolyrnq", 4);
        return series;
    }

    /** Points held out: R's split (../shared/peers/r_baselines.R). */
    static int horizon(int period) {
        return period == 12 ? 24 : period == 4 ? 8 : 10;
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "bench/data");
        Map<String, Integer> series = catalog(directory);
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Map<String, Double>> r = rFigures(directory.resolve("r-baselines.csv"));
        String[] columns = {"blend", "network", "comb", "prior", "ets-avg", "blend-nohint", "ets", "arima", "theta", "snaive"};
        Map<String, Double> logSums = new HashMap<>();
        List<String> coverage = new java.util.ArrayList<>();
        System.out.printf("%-14s %4s %5s %3s | %7s %7s %7s %7s %7s %12s | %7s %7s %7s %7s | %5s  %s%n", "series", "m", "n", "h",
                "blend", "network", "comb", "prior", "ets-avg", "blend-nohint", "ets", "arima", "theta", "snaive", "sec", "detected, chosen (season given)");
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            for (Map.Entry<String, Integer> entry : series.entrySet()) {
                int m = entry.getValue();
                double[] values = read(directory.resolve(entry.getKey() + ".csv"));
                int h = horizon(m);
                double[] train = java.util.Arrays.copyOf(values, values.length - h);
                double[] test = java.util.Arrays.copyOfRange(values, values.length - h, values.length);
                double scale = scale(train, m);
                Map<String, Double> mase = new LinkedHashMap<>();
                long started = System.nanoTime();
                String chosen = "";
                int detected = 1;
                for (int hint : m > 1 ? new int[] {m, 1} : new int[] {1}) {
                    double blend = 0;
                    double network = 0;
                    for (int seed = 0; seed < seeds; seed++) {
                        SequenceData given = SequenceData.univariate(List.of(new Sequence(entry.getKey(), column(train))), hint);
                        // Without a hint the season is detected, as a training request without one is.
                        SequenceData data = hint > 1 ? given : SequenceData.univariate(given.sequences(),
                                io.seqcast.engine.Seasons.detect(given));
                        detected = data.seasonalPeriod();
                        ModelSpec spec = Defaults.spec(data, h);
                        try (ForecastModel model = engine.train(data, spec, TrainingSpec.builder().seed(42 + seed).build(),
                                TrainingListener.NONE)) {
                            blend += mase(model.forecast(List.<float[][]>of(column(train)), h).get(0), test, scale) / seeds;
                            network += mase(((DjlForecastModel) model).networkForecast(List.<float[][]>of(column(train)), h).get(0),
                                    test, scale) / seeds;
                            if (hint == m && seed == 0) {
                                chosen = String.join("+", model.manifest().blend().members())
                                        + (model.manifest().blend().boxCox() ? " on Box-Cox" : "");
                                coverage.add(coverage(entry.getKey(), model, train, test, scale, h));
                            }
                        }
                    }
                    if (hint == m) {
                        mase.put("blend", blend);
                        mase.put("network", network);
                    }
                    if (hint == 1) {
                        mase.put("blend-nohint", blend);
                    }
                }
                double[] comb = new double[h];
                for (Baselines.Method method : List.of(Baselines.Method.SES, Baselines.Method.DAMPED, Baselines.Method.THETA)) {
                    double[] forecast = Baselines.forecast(method, train, m, h);
                    for (int k = 0; k < h; k++) {
                        comb[k] += forecast[k] / 3;
                    }
                }
                mase.put("comb", maseOf(comb, test, scale));
                mase.put("prior", maseOf(BaselineBenchmark.prior(train, m, h), test, scale));
                mase.put("ets-avg", maseOf(Baselines.forecast(Baselines.Method.ETS_AVERAGED, train, m, h), test, scale));
                for (String method : List.of("ets", "arima", "theta", "naive")) {
                    mase.put(method.equals("naive") ? "snaive" : method, r.get(entry.getKey()).get(method));
                }
                for (String column : columns) {
                    logSums.merge(column, Math.log(mase.get(column)), Double::sum);
                }
                System.out.printf("%-14s %4d %5d %3d | %7.3f %7.3f %7.3f %7.3f %7.3f %12.3f | %7.3f %7.3f %7.3f %7.3f | %5.1f  %s%n",
                        entry.getKey(), m, values.length, h, mase.get("blend"), mase.get("network"), mase.get("comb"),
                        mase.get("prior"), mase.get("ets-avg"),
                        mase.get("blend-nohint"), mase.get("ets"), mase.get("arima"), mase.get("theta"), mase.get("snaive"),
                        (System.nanoTime() - started) / 1e9 / seeds / (m > 1 ? 2 : 1), detected + ", " + chosen);
            }
        }
        List<Object> means = new ArrayList<>(List.of("geometric mean", ""));
        for (String column : columns) {
            means.add(Math.exp(logSums.get(column) / series.size()));
        }
        System.out.printf("%-14s %14s | %7.3f %7.3f %7.3f %7.3f %7.3f %12.3f | %7.3f %7.3f %7.3f %7.3f |%n", means.toArray());
        System.out.printf("%nprediction intervals of the default model (seed 42, season given) on the held-out points%n");
        System.out.printf("%-14s %5s %8s %8s %11s %11s%n", "series", "cases", "in 80 %", "in 95 %", "width 80 %",
                "width 95 %");
        coverage.forEach(System.out::println);
        System.out.printf("%-14s %5s %8s %8s%n", "overall", "", share(inside[0], points[0]), share(inside[1], points[1]));
    }

    /** Held-out points inside the 80 and 95 % intervals (where the backtest can calibrate them), and points. */
    private static final int[] inside = new int[2];
    private static final int[] points = new int[2];

    private static String coverage(String name, ForecastModel model, double[] train, double[] test, double scale,
            int h) {
        List<float[][]> histories = List.<float[][]>of(column(train));
        List<float[][]> forecasts = model.forecast(histories, h);
        String[] in = new String[2];
        String[] width = new String[2];
        double[] levels = {80, 95};
        for (int l = 0; l < 2; l++) {
            try {
                io.seqcast.engine.Forecast.Interval interval = io.seqcast.engine.PredictionIntervals
                        .of(model.manifest(), histories, forecasts, List.of(levels[l])).get(0).get(0);
                int count = 0;
                double widths = 0;
                for (int k = 0; k < h; k++) {
                    count += test[k] >= interval.lower()[k][0] && test[k] <= interval.upper()[k][0] ? 1 : 0;
                    widths += (interval.upper()[k][0] - interval.lower()[k][0]) / scale;
                }
                inside[l] += count;
                points[l] += h;
                in[l] = share(count, h);
                width[l] = String.format(java.util.Locale.ROOT, "%.2f", widths / h);
            } catch (io.seqcast.engine.InvalidInputException tooFewCases) {
                in[l] = "n/a";
                width[l] = "n/a";
            }
        }
        io.seqcast.engine.Backtest backtest = model.manifest().backtest();
        return String.format(java.util.Locale.ROOT, "%-14s %5d %8s %8s %11s %11s", name,
                backtest == null || backtest.calibration() == null ? 0 : backtest.calibration().cases(), in[0], in[1],
                width[0], width[1]);
    }

    private static String share(int count, int total) {
        return total == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f %%", 100.0 * count / total);
    }

    private static double mase(float[][] forecast, double[] test, double scale) {
        double[] values = new double[test.length];
        for (int k = 0; k < test.length; k++) {
            values[k] = forecast[k][0];
        }
        return maseOf(values, test, scale);
    }

    private static double maseOf(double[] forecast, double[] test, double scale) {
        double error = 0;
        for (int k = 0; k < test.length; k++) {
            error += Math.abs(test[k] - forecast[k]);
        }
        return error / test.length / scale;
    }

    /** R's MASE denominator: mean absolute seasonal difference of the training part (lag 1 without a season). */
    static double scale(double[] train, int m) {
        return Accuracy.naiveScale(column(train), train.length, 0, m);
    }

    private static float[][] column(double[] values) {
        float[][] column = new float[values.length][1];
        for (int t = 0; t < values.length; t++) {
            column[t][0] = (float) values[t];
        }
        return column;
    }

    static double[] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[] values = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            values[i - 1] = Double.parseDouble(lines.get(i).split(",")[1]);
        }
        return values;
    }

    private static Map<String, Map<String, Double>> rFigures(Path file) throws IOException {
        Map<String, Map<String, Double>> figures = new HashMap<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cells = line.split(",");
            figures.computeIfAbsent(cells[0], k -> new HashMap<>()).put(cells[4], Double.parseDouble(cells[5]));
        }
        return figures;
    }
}
