package io.seqcast.bench;

import io.seqcast.engine.Sequence;
import io.seqcast.engine.SequenceData;
import io.seqcast.engine.SequenceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real series of bench/data (R's datasets): name, season, and the points held out for scoring
 * (two seasons, or 10 points for series without a season).
 */
public record RealSeries(String name, List<String> features, float[][] values, int seasonalPeriod) {

    public static final List<String[]> CATALOG = List.of(
            new String[] {"Nile", "1"}, new String[] {"LakeHuron", "1"}, new String[] {"lynx", "1"},
            new String[] {"sunspot.year", "1"}, new String[] {"nottem", "12"}, new String[] {"USAccDeaths", "12"},
            new String[] {"JohnsonJohnson", "4"}, new String[] {"EuStockMarkets", "1"}, new String[] {"Seatbelts", "12"});

    public static List<RealSeries> all(Path directory) {
        List<RealSeries> all = new ArrayList<>();
        for (String[] entry : CATALOG) {
            all.add(read(directory.resolve(entry[0] + ".csv"), entry[0], Integer.parseInt(entry[1])));
        }
        return all;
    }

    static RealSeries read(Path file, String name, int seasonalPeriod) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).replace("\"", "").split(",");
            List<String> features = Arrays.asList(header).subList(1, header.length);
            float[][] values = new float[lines.size() - 1][features.size()];
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                for (int f = 0; f < features.size(); f++) {
                    values[i - 1][f] = Float.parseFloat(cells[f + 1]);
                }
            }
            return withoutConstantTrainingFeatures(new RealSeries(name, List.copyOf(features), values, seasonalPeriod));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops features that are constant over the training points, which the engine refuses (Seatbelts'
     * {@code law} is 0 until 1983, after the training part ends).
     */
    private static RealSeries withoutConstantTrainingFeatures(RealSeries series) {
        float[][] train = series.training();
        List<Integer> keep = new ArrayList<>();
        for (int f = 0; f < series.features.size(); f++) {
            int feature = f;
            if (Arrays.stream(train).anyMatch(row -> row[feature] != train[0][feature])) {
                keep.add(f);
            }
        }
        float[][] values = new float[series.values.length][keep.size()];
        for (int t = 0; t < values.length; t++) {
            for (int k = 0; k < keep.size(); k++) {
                values[t][k] = series.values[t][keep.get(k)];
            }
        }
        return new RealSeries(series.name, keep.stream().map(series.features::get).toList(), values,
                series.seasonalPeriod);
    }

    public int heldOut() {
        return seasonalPeriod > 1 ? 2 * seasonalPeriod : 10;
    }

    public float[][] training() {
        return Arrays.copyOf(values, values.length - heldOut());
    }

    public float[][] test() {
        return Arrays.copyOfRange(values, values.length - heldOut(), values.length);
    }

    public SequenceData trainingData() {
        return new SequenceData(SequenceKind.SERIES, features, List.of(new Sequence(name, training())), seasonalPeriod);
    }

    /** The seasonal naive forecast: the last season repeated (the last value without a season). */
    public float[][] seasonalNaive() {
        float[][] train = training();
        float[][] forecast = new float[heldOut()][];
        for (int h = 0; h < forecast.length; h++) {
            forecast[h] = train[train.length - seasonalPeriod + (h % seasonalPeriod)];
        }
        return forecast;
    }

    /** MASE of a forecast of the held-out points, scaled by the in-sample seasonal naive error, per feature. */
    public double mase(float[][] forecast) {
        float[][] train = training();
        float[][] test = test();
        double total = 0;
        for (int f = 0; f < features.size(); f++) {
            double scale = 0;
            for (int t = seasonalPeriod; t < train.length; t++) {
                scale += Math.abs(train[t][f] - train[t - seasonalPeriod][f]);
            }
            scale /= train.length - seasonalPeriod;
            double error = 0;
            for (int h = 0; h < test.length; h++) {
                error += Math.abs(forecast[h][f] - test[h][f]);
            }
            total += error / test.length / scale;
        }
        return total / features.size();
    }
}
