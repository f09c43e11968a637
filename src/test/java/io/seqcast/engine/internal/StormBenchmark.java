package io.seqcast.engine.internal;

import io.seqcast.engine.CellType;
import io.seqcast.engine.DeviceChoice;
import io.seqcast.engine.ForecastModel;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingListener;
import io.seqcast.engine.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlantic storm tracks as the peers' storms_baselines.py scores them: 6-hourly points, train on
 * 1975-2000, and for the storms of 2001-2010 every origin with 8 points (48 h) of history and 8 ahead;
 * great-circle error at +24 h and +48 h of the trained trajectory model (x = longitude, y = latitude)
 * against linear extrapolation of the last 12 h, in one run. Arguments: [csv, default
 * ../shared/data/storms-1975-2010.csv] [seeds, default 1] [epochs, default 60]. For tuning, system
 * properties {@code hidden}, {@code layers}, {@code window}, {@code cell}, {@code lr}, {@code patience}
 * override the model, and {@code project=true} trains and forecasts in kilometres (longitude scaled by
 * the cosine of the latitude: each training track's first, each origin's last).
 */
public final class StormBenchmark {

    /**
     * The model reads the last 24 h of each origin's 48: on the development seasons 2, 4 and 8 points were
     * tried, and 4 forecast 10 % closer than 8 (bench/README.md).
     */
    private static final int WINDOW = 4;

    private StormBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/storms-1975-2010.csv");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Map<String, List<float[]>> tracks = new LinkedHashMap<>();
        Map<String, Integer> years = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if ((int) Double.parseDouble(cells[4]) % 6 != 0) {
                continue;
            }
            String key = cells[0] + "-" + cells[1];
            tracks.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new float[] {Float.parseFloat(cells[6]), Float.parseFloat(cells[5])});
            years.put(key, (int) Double.parseDouble(cells[1]));
        }
        int history = 8;
        int ahead = 8;
        List<Sequence> train = new ArrayList<>();
        List<float[][]> origins = new ArrayList<>();
        List<float[][]> actuals = new ArrayList<>();
        int window = Integer.getInteger("window", WINDOW);
        for (Map.Entry<String, List<float[]>> track : tracks.entrySet()) {
            float[][] points = track.getValue().toArray(float[][]::new);
            if (years.get(track.getKey()) <= 2000) {
                // Every training track that holds a window and the horizon (the test origins need 48 h of history).
                if (points.length >= window + ahead) {
                    train.add(new Sequence(track.getKey(), points));
                }
            } else {
                for (int o = history - 1; o < points.length - ahead; o++) {
                    origins.add(java.util.Arrays.copyOfRange(points, o - history + 1, o + 1));
                    actuals.add(java.util.Arrays.copyOfRange(points, o + 1, o + 1 + ahead));
                }
            }
        }
        System.out.printf("train tracks %d, test origins %d%n", train.size(), origins.size());
        double[] linear = new double[2];
        for (int k = 0; k < origins.size(); k++) {
            float[][] h = origins.get(k);
            float[] last = h[h.length - 1];
            float[] before = h[h.length - 3];
            for (int lead : new int[] {4, 8}) {
                double lon = last[0] + (last[0] - before[0]) / 2 * lead;
                double lat = last[1] + (last[1] - before[1]) / 2 * lead;
                linear[lead / 8] += km(lat, lon, actuals.get(k)[lead - 1]) / origins.size();
            }
        }
        System.out.printf("linear 12 h: +24 h %.1f km, +48 h %.1f km%n", linear[0], linear[1]);
        List<float[][]> members = new ArrayList<>();
        for (int k = 0; k < origins.size(); k++) {
            members.add(new float[ahead][2]);
        }
        boolean project = Boolean.getBoolean("project");
        if (project) {
            List<Sequence> projected = new ArrayList<>();
            for (Sequence track : train) {
                projected.add(new Sequence(track.id(), toKm(track.values(), track.values()[0][1])));
            }
            train = projected;
        }
        // Longitude/latitude unless projected: validation errors and radii are then great-circle km.
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), train, 1, !project);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            for (int seed = 0; seed < seeds; seed++) {
                long started = System.nanoTime();
                TrainingSpec.Builder training = TrainingSpec.builder().epochs(epochs).seed(42 + seed)
                        .earlyStoppingPatience(Integer.getInteger("patience", 20))
                        .learningRate(Double.parseDouble(System.getProperty("lr", "0.005")));
                try (ForecastModel model = engine.train(data, new ModelSpec(CellType.valueOf(System.getProperty("cell", "LSTM")),
                        Integer.getInteger("hidden", 64), Integer.getInteger("layers", 1), 0,
                        window, ahead),
                        training.build(), TrainingListener.NONE)) {
                    List<float[][]> forecasts;
                    if (project) {
                        List<float[][]> inputs = new ArrayList<>();
                        for (float[][] h : origins) {
                            inputs.add(toKm(h, h[h.length - 1][1]));
                        }
                        forecasts = new ArrayList<>();
                        List<float[][]> out = model.forecast(inputs, ahead);
                        for (int k = 0; k < out.size(); k++) {
                            forecasts.add(fromKm(out.get(k), origins.get(k)[origins.get(k).length - 1][1]));
                        }
                    } else {
                        forecasts = model.forecast(origins, ahead);
                    }
                    double[] network = new double[2];
                    for (int k = 0; k < origins.size(); k++) {
                        for (int lead : new int[] {4, 8}) {
                            float[] p = forecasts.get(k)[lead - 1];
                            network[lead / 8] += km(p[1], p[0], actuals.get(k)[lead - 1]) / origins.size();
                        }
                    }
                    System.out.printf("seed %d: network +24 h %.1f km (%.2f of linear), +48 h %.1f km (%.2f), %d epochs,"
                            + " %.0f s%n", seed, network[0], network[0] / linear[0], network[1], network[1] / linear[1],
                            model.manifest().summary().epochsRun(), (System.nanoTime() - started) / 1e9);
                    if (!project) {
                        coverage(model, forecasts, actuals, ahead);
                    }
                    for (int k = 0; k < origins.size(); k++) {
                        for (int step = 0; step < ahead; step++) {
                            for (int f = 0; f < 2; f++) {
                                members.get(k)[step][f] += forecasts.get(k)[step][f] / seeds;
                            }
                        }
                    }
                }
            }
        }
        if (seeds > 1) {
            // The mean of the seeds' forecasts: what an ensemble of that many members would forecast.
            double[] ensemble = new double[2];
            for (int k = 0; k < origins.size(); k++) {
                for (int lead : new int[] {4, 8}) {
                    float[] p = members.get(k)[lead - 1];
                    ensemble[lead / 8] += km(p[1], p[0], actuals.get(k)[lead - 1]) / origins.size();
                }
            }
            System.out.printf("mean of the %d seeds' forecasts: +24 h %.1f km (%.2f of linear), +48 h %.1f km (%.2f)%n",
                    seeds, ensemble[0], ensemble[0] / linear[0], ensemble[1], ensemble[1] / linear[1]);
        }
    }

    /** Test points within the radii the model calibrated on its validation windows, at +24 h and +48 h. */
    private static void coverage(ForecastModel model, List<float[][]> forecasts, List<float[][]> actuals, int ahead) {
        List<Double> levels = List.of(80.0, 95.0);
        List<float[]> radii = io.seqcast.engine.PredictionIntervals.radii(model.manifest(), ahead, levels).stream()
                .map(io.seqcast.engine.Forecast.Radius::radii).toList();
        for (int l = 0; l < levels.size(); l++) {
            int[] inside = new int[2];
            for (int k = 0; k < forecasts.size(); k++) {
                for (int lead : new int[] {4, 8}) {
                    float[] p = forecasts.get(k)[lead - 1];
                    inside[lead / 8] += km(p[1], p[0], actuals.get(k)[lead - 1]) <= radii.get(l)[lead - 1] ? 1 : 0;
                }
            }
            System.out.printf("  %.0f %% radii (%d validation windows): +24 h %.0f km holds %.1f %%, +48 h %.0f km holds"
                    + " %.1f %% of the test points%n", levels.get(l), model.manifest().metrics().displacement().radii()
                    .cases(), radii.get(l)[3], 100.0 * inside[0] / forecasts.size(), radii.get(l)[7],
                    100.0 * inside[1] / forecasts.size());
        }
    }

    /** Equirectangular kilometres around latitude {@code at}: longitude shrinks with its cosine. */
    private static float[][] toKm(float[][] points, float at) {
        double c = Math.cos(Math.toRadians(at));
        float[][] out = new float[points.length][2];
        for (int t = 0; t < points.length; t++) {
            out[t][0] = (float) (points[t][0] * c * 111.2);
            out[t][1] = (float) (points[t][1] * 111.2);
        }
        return out;
    }

    private static float[][] fromKm(float[][] points, float at) {
        double c = Math.cos(Math.toRadians(at));
        float[][] out = new float[points.length][2];
        for (int t = 0; t < points.length; t++) {
            out[t][0] = (float) (points[t][0] / (c * 111.2));
            out[t][1] = (float) (points[t][1] / 111.2);
        }
        return out;
    }

    private static double km(double lat, double lon, float[] actual) {
        return Accuracy.greatCircleKm(lat, lon, actual[1], actual[0]);
    }
}
