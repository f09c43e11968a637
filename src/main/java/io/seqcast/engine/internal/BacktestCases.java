package io.seqcast.engine.internal;

import io.seqcast.engine.ModelLoadException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The series a version's backtest scored and the origins it scored them at, kept beside the parameters so
 * that another version can later be scored on exactly the same cases (promotion gated on evidence). Each
 * series keeps at most {@link #MAX_HISTORY} points (or the window, if longer) before its earliest origin:
 * enough for every window and baseline fit, and a bound on the file whatever the training data's length.
 *
 * @param series the scored series, {@code [time][feature]}, cut to what the origins need
 * @param origins per series, the time indexes (into the cut series) of the forecast origins
 */
record BacktestCases(List<float[][]> series, List<int[]> origins) {

    static final String FILE = "backtest-cases.bin";
    static final int MAX_HISTORY = 2048;
    private static final int MAGIC = 0x53514243; // "SQBC"
    private static final int FORMAT = 1;

    BacktestCases {
        if (series.size() != origins.size()) {
            throw new IllegalArgumentException("one origin list per series");
        }
        series = List.copyOf(series);
        origins = List.copyOf(origins);
    }

    /** The cases, each series cut to what its origins need: {@code max(MAX_HISTORY, window)} points before. */
    static BacktestCases cut(List<float[][]> series, List<int[]> origins, int window) {
        int keep = Math.max(MAX_HISTORY, window);
        List<float[][]> cut = new ArrayList<>(series.size());
        List<int[]> shifted = new ArrayList<>(origins.size());
        for (int i = 0; i < series.size(); i++) {
            int from = Math.max(0, Arrays.stream(origins.get(i)).min().orElse(0) - keep);
            float[][] values = series.get(i);
            cut.add(Arrays.copyOfRange(values, from, values.length));
            shifted.add(Arrays.stream(origins.get(i)).map(o -> o - from).toArray());
        }
        return new BacktestCases(cut, shifted);
    }

    int count() {
        return origins.stream().mapToInt(o -> o.length).sum();
    }

    void write(Path directory) {
        Path file = directory.resolve(FILE);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(series.size());
            for (int i = 0; i < series.size(); i++) {
                float[][] values = series.get(i);
                out.writeInt(values.length);
                out.writeInt(values[0].length);
                for (float[] row : values) {
                    for (float value : row) {
                        out.writeFloat(value);
                    }
                }
                out.writeInt(origins.get(i).length);
                for (int origin : origins.get(i)) {
                    out.writeInt(origin);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backtest cases", e);
        }
        ManifestFiles.force(file);
    }

    /**
     * Reads the cases saved with a version whose manifest (checksums included) was verified.
     *
     * @throws ModelLoadException when the file is malformed
     */
    static BacktestCases read(Path directory) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(directory.resolve(FILE))))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new ModelLoadException("backtest cases are not in a format this version reads");
            }
            int count = in.readInt();
            List<float[][]> series = new ArrayList<>();
            List<int[]> origins = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                int features = in.readInt();
                float[][] values = new float[length][features];
                for (float[] row : values) {
                    for (int f = 0; f < features; f++) {
                        row[f] = in.readFloat();
                    }
                }
                int[] seriesOrigins = new int[in.readInt()];
                for (int k = 0; k < seriesOrigins.length; k++) {
                    seriesOrigins[k] = in.readInt();
                }
                series.add(values);
                origins.add(seriesOrigins);
            }
            return new BacktestCases(series, origins);
        } catch (IOException | RuntimeException e) {
            throw e instanceof ModelLoadException loadException ? loadException
                    : new ModelLoadException("backtest cases cannot be read", e);
        }
    }
}
