package io.seqcast.engine.internal;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.FeatureScaling;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LabelledSequence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How sequences become a classifier's rows: one row per sequence, {@code [length, element 0, element 1,
 * ...]} padded to the longest length read. Texts are NFC-normalised and read as tokens (0 padding, 1 an
 * unknown character, then the training data's characters, most frequent first); numeric values are
 * standardised per feature with the training part's mean and deviation.
 */
final class ClassifierInputs {

    static final int PADDING = 0;
    static final int UNKNOWN = 1;
    /** Characters beyond the most frequent this many are read as unknown: bounds the embedding. */
    static final int MAX_VOCABULARY = 500;

    private final int maxLength;
    /** Texts: the known characters in token order (token = index + 2). Null for numeric sequences. */
    private final int[] characters;
    private final Map<Integer, Integer> tokens = new HashMap<>();
    private final List<FeatureScaling> scaling;

    private ClassifierInputs(int maxLength, int[] characters, List<FeatureScaling> scaling) {
        this.maxLength = maxLength;
        this.characters = characters;
        this.scaling = List.copyOf(scaling);
        if (characters != null) {
            for (int i = 0; i < characters.length; i++) {
                tokens.put(characters[i], i + 2);
            }
        }
    }

    /** Vocabulary or scaling fitted on the sequences at {@code trainingIndexes}. */
    static ClassifierInputs fit(ClassificationData data, int maxLength, int[] trainingIndexes) {
        if (data.text()) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int i : trainingIndexes) {
                normalised(data.sequences().get(i).text()).codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
            }
            int[] characters = counts.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_VOCABULARY).mapToInt(Map.Entry::getKey).toArray();
            return new ClassifierInputs(maxLength, characters, List.of());
        }
        List<FeatureScaling> scaling = new ArrayList<>();
        for (int f = 0; f < data.features().size(); f++) {
            double sum = 0;
            double squares = 0;
            long n = 0;
            for (int i : trainingIndexes) {
                for (float[] row : data.sequences().get(i).values()) {
                    sum += row[f];
                    squares += (double) row[f] * row[f];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double deviation = n == 0 ? 1 : Math.sqrt(Math.max(0, squares / n - mean * mean));
            scaling.add(new FeatureScaling(data.features().get(f), mean, deviation > 0 ? deviation : 1, f));
        }
        return new ClassifierInputs(maxLength, null, scaling);
    }

    /** The inputs a saved classifier was trained with. */
    static ClassifierInputs of(int maxLength, String vocabulary, List<FeatureScaling> scaling) {
        return new ClassifierInputs(maxLength, vocabulary == null ? null : vocabulary.codePoints().toArray(), scaling);
    }

    boolean text() {
        return characters != null;
    }

    /** Characters known (texts), for the manifest. */
    String vocabulary() {
        return characters == null ? null : new String(characters, 0, characters.length);
    }

    List<FeatureScaling> scaling() {
        return scaling;
    }

    /** Per element: the vocabulary size with padding and unknown (texts), or the features (numeric). */
    int inputs() {
        return characters != null ? characters.length + 2 : scaling.size();
    }

    int maxLength() {
        return maxLength;
    }

    /** Floats per row: the length, then each element (one token, or one value per feature). */
    int rowSize() {
        return 1 + maxLength * (characters != null ? 1 : scaling.size());
    }

    /**
     * Encodes {@code sequences} as rows.
     *
     * @throws InvalidInputException ({@code sequences[i].text} or {@code .values}) for an empty sequence, one
     *     of the wrong kind, the wrong feature count, or non-finite values
     */
    float[] encode(List<LabelledSequence> sequences) {
        int size = rowSize();
        float[] rows = new float[sequences.size() * size];
        for (int i = 0; i < sequences.size(); i++) {
            LabelledSequence sequence = sequences.get(i);
            int at = i * size;
            if (characters != null) {
                if (sequence.text() == null || sequence.text().isEmpty()) {
                    throw new InvalidInputException("sequences[" + i + "].text", "this model classifies texts: give"
                            + " each sequence a non-empty text");
                }
                int[] codePoints = normalised(sequence.text()).codePoints().limit(maxLength).toArray();
                rows[at] = codePoints.length;
                for (int t = 0; t < codePoints.length; t++) {
                    rows[at + 1 + t] = tokens.getOrDefault(codePoints[t], UNKNOWN);
                }
            } else {
                float[][] values = sequence.values();
                if (values == null || values.length == 0) {
                    throw new InvalidInputException("sequences[" + i + "].values", "this model classifies numeric"
                            + " sequences: give each sequence non-empty values");
                }
                int length = Math.min(values.length, maxLength);
                rows[at] = length;
                for (int t = 0; t < length; t++) {
                    if (values[t] == null || values[t].length != scaling.size()) {
                        throw new InvalidInputException("sequences[" + i + "].values[" + t + "]", "expected "
                                + scaling.size() + " values per element");
                    }
                    for (int f = 0; f < scaling.size(); f++) {
                        float value = values[t][f];
                        if (!Float.isFinite(value)) {
                            throw new InvalidInputException("sequences[" + i + "].values[" + t + "]",
                                    "values must be finite numbers");
                        }
                        FeatureScaling s = scaling.get(f);
                        rows[at + 1 + t * scaling.size() + f] = (float) ((value - s.center()) / s.scale());
                    }
                }
            }
        }
        return rows;
    }

    /** A batch as the network reads it. */
    record Batch(float[] elements, float[] last, int length) {}

    /**
     * The network's input for {@code n} rows: elements padded to {@code trimmed ? the longest row : the
     * maximum length} (one-hot for texts) and the mask of each row's last element.
     */
    Batch batch(float[] rows, int from, int n, boolean trimmed) {
        int size = rowSize();
        int length = maxLength;
        if (trimmed) {
            length = 1;
            for (int i = 0; i < n; i++) {
                length = Math.max(length, (int) rows[(from + i) * size]);
            }
        }
        int inputs = inputs();
        // At most 64 rows x 256 elements x 502 tokens (32 MB) per batch: the spec and vocabulary are bounded.
        float[] elements = new float[Math.toIntExact((long) n * length * inputs)];
        float[] last = new float[n * length];
        for (int i = 0; i < n; i++) {
            int at = (from + i) * size;
            int rowLength = (int) rows[at];
            last[i * length + rowLength - 1] = 1;
            for (int t = 0; t < rowLength; t++) {
                int element = (i * length + t) * inputs;
                if (characters != null) {
                    elements[element + (int) rows[at + 1 + t]] = 1;
                } else {
                    System.arraycopy(rows, at + 1 + t * inputs, elements, element, inputs);
                }
            }
        }
        return new Batch(elements, last, length);
    }

    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
