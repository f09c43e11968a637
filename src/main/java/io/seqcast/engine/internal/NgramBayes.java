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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The classical baseline of text classification, built into the engine as the forecasting baselines are:
 * multinomial naive Bayes over the character n-grams (1 to {@value #MAX_N}, with text boundaries) of a
 * classifier's token rows, add-alpha smoothed. Reads the same rows as the network, so it batches and
 * stays batch-invariant with it.
 */
final class NgramBayes {

    static final String FILE = "ngrams.bin";
    static final int MAX_N = 4;
    private static final double ALPHA = 0.1;
    private static final double LOG_ALPHA = Math.log(ALPHA);
    /** A token id outside the vocabulary (at most 2,002 tokens), marking the start and end of a text. */
    private static final long BOUNDARY = 0xFFF;
    private static final int MAGIC = 0x53514e42; // "SQNB"

    private final int classes;
    /**
     * Per n-gram (token ids packed 12 bits each), its counts in the classes it occurs in, as pairs
     * {@code [class, count, class, count, ...]}: most n-grams occur in one or two classes.
     */
    private final Map<Long, int[]> counts;
    /** n-grams counted per class, and distinct n-grams: the smoothing's denominators. */
    private final long[] totals;
    private final double[] logPriors;

    private NgramBayes(int classes, Map<Long, int[]> counts, long[] totals, double[] logPriors) {
        this.classes = classes;
        this.counts = counts;
        this.totals = totals;
        this.logPriors = logPriors;
    }

    /** Counts the n-grams of the token rows at {@code indexes}, with their classes. */
    static NgramBayes fit(float[] rows, int rowSize, int[] indexes, int[] truth, int classes) {
        Map<Long, int[]> counts = new HashMap<>();
        long[] totals = new long[classes];
        int[] documents = new int[classes];
        for (int i : indexes) {
            int label = truth[i];
            documents[label]++;
            forEachNgram(rows, i * rowSize, key -> {
                counts.put(key, increment(counts.get(key), label));
                totals[label]++;
            });
        }
        double[] logPriors = new double[classes];
        for (int c = 0; c < classes; c++) {
            logPriors[c] = Math.log((documents[c] + 1.0) / (indexes.length + classes));
        }
        return new NgramBayes(classes, counts, totals, logPriors);
    }

    private static int[] increment(int[] pairs, int label) {
        if (pairs == null) {
            return new int[] {label, 1};
        }
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k] == label) {
                pairs[k + 1]++;
                return pairs;
            }
        }
        int[] grown = Arrays.copyOf(pairs, pairs.length + 2);
        grown[pairs.length] = label;
        grown[pairs.length + 1] = 1;
        return grown;
    }

    /** Class probabilities of {@code rows} rows, written to {@code out} ({@code [row * classes + class]}). */
    void probabilities(float[] input, int rowSize, int rows, double[] out) {
        double vocabulary = counts.size() + 1.0;
        double[] denominators = new double[classes];
        for (int c = 0; c < classes; c++) {
            denominators[c] = Math.log(totals[c] + ALPHA * vocabulary);
        }
        double[] scores = new double[classes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(logPriors, 0, scores, 0, classes);
            forEachNgram(input, r * rowSize, key -> {
                for (int c = 0; c < classes; c++) {
                    scores[c] += LOG_ALPHA - denominators[c];
                }
                int[] seen = counts.get(key);
                if (seen != null) {
                    for (int k = 0; k < seen.length; k += 2) {
                        scores[seen[k]] += Math.log(seen[k + 1] + ALPHA) - LOG_ALPHA;
                    }
                }
            });
            double max = Double.NEGATIVE_INFINITY;
            for (double score : scores) {
                max = Math.max(max, score);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(scores[c] - max);
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = Math.exp(scores[c] - max) / sum;
            }
        }
    }

    /** Heap it holds while loaded (no native memory): what a cache should count. */
    long bytes() {
        long pairs = 0;
        for (int[] seen : counts.values()) {
            pairs += seen.length;
        }
        return counts.size() * 80L + pairs * Integer.BYTES;
    }

    private interface NgramConsumer {
        void accept(long key);
    }

    /** Every n-gram of a row's tokens with a boundary before and after, packed 12 bits a token. */
    private static void forEachNgram(float[] rows, int at, NgramConsumer consumer) {
        int length = (int) rows[at];
        for (int start = -1; start <= length; start++) {
            long key = 0;
            for (int n = 1; n <= MAX_N && start + n - 1 <= length; n++) {
                int position = start + n - 1;
                long token = position < 0 || position >= length ? BOUNDARY : (long) rows[at + 1 + position];
                key = key << 12 | token;
                // The length goes into the key's top bits so that n-grams of different n never collide.
                consumer.accept(key | (long) n << 61);
            }
        }
    }

    void write(Path directory) {
        Path file = directory.resolve(FILE);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)))) {
            out.writeInt(MAGIC);
            out.writeInt(classes);
            for (int c = 0; c < classes; c++) {
                out.writeLong(totals[c]);
                out.writeDouble(logPriors[c]);
            }
            out.writeInt(counts.size());
            for (Map.Entry<Long, int[]> entry : counts.entrySet()) {
                out.writeLong(entry.getKey());
                int[] pairs = entry.getValue();
                out.writeShort(pairs.length / 2);
                for (int k = 0; k < pairs.length; k += 2) {
                    out.writeShort(pairs[k]);
                    out.writeInt(pairs[k + 1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the n-gram counts", e);
        }
        ManifestFiles.force(file);
    }

    /** Reads the counts saved with a version whose files were verified against its manifest. */
    static NgramBayes read(Path directory) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(directory.resolve(FILE))))) {
            if (in.readInt() != MAGIC) {
                throw new ModelLoadException("n-gram counts are not in a format this version reads");
            }
            int classes = in.readInt();
            long[] totals = new long[classes];
            double[] logPriors = new double[classes];
            for (int c = 0; c < classes; c++) {
                totals[c] = in.readLong();
                logPriors[c] = in.readDouble();
            }
            int size = in.readInt();
            Map<Long, int[]> counts = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                long key = in.readLong();
                int[] pairs = new int[2 * in.readShort()];
                for (int k = 0; k < pairs.length; k += 2) {
                    pairs[k] = in.readShort();
                    pairs[k + 1] = in.readInt();
                }
                counts.put(key, pairs);
            }
            return new NgramBayes(classes, counts, totals, logPriors);
        } catch (IOException | RuntimeException e) {
            throw e instanceof ModelLoadException loadException ? loadException
                    : new ModelLoadException("n-gram counts cannot be read", e);
        }
    }
}
