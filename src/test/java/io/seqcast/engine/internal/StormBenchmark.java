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
 * ../shared/data/storms-1975-2010.csv] [seeds, default 1] [epochs, default 60].
 */
public final class StormBenchmark {

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
        for (Map.Entry<String, List<float[]>> track : tracks.entrySet()) {
            float[][] points = track.getValue().toArray(float[][]::new);
            if (years.get(track.getKey()) <= 2000) {
                if (points.length >= history + ahead) {
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
        SequenceData data = new SequenceData(SequenceKind.TRAJECTORY, List.of("x", "y"), train, 1);
        try (DjlSequenceEngine engine = new DjlSequenceEngine(DeviceChoice.CPU, 1, 1024)) {
            for (int seed = 0; seed < seeds; seed++) {
                long started = System.nanoTime();
                TrainingSpec.Builder training = TrainingSpec.builder().epochs(epochs).seed(42 + seed)
                        .earlyStoppingPatience(Integer.getInteger("patience", 20))
                        .learningRate(Double.parseDouble(System.getProperty("lr", "0.005")));
                try (ForecastModel model = engine.train(data, new ModelSpec(CellType.valueOf(System.getProperty("cell", "LSTM")),
                        Integer.getInteger("hidden", 64), Integer.getInteger("layers", 1), 0, history, ahead),
                        training.build(), TrainingListener.NONE)) {
                    List<float[][]> forecasts = model.forecast(origins, ahead);
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
                }
            }
        }
    }

    private static double km(double lat, double lon, float[] actual) {
        double la1 = Math.toRadians(lat);
        double la2 = Math.toRadians(actual[1]);
        double dLat = la2 - la1;
        double dLon = Math.toRadians(actual[0] - lon);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(la1) * Math.cos(la2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }
}
