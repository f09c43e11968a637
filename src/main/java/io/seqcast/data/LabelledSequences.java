package io.seqcast.data;

import io.seqcast.engine.ClassificationData;
import io.seqcast.engine.InvalidInputException;
import io.seqcast.engine.LabelledSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Posted labelled sequences to validated classification data: all texts or all values, within the same
 * bounds as series (sequences per request, elements per sequence), labels present when training.
 */
public class LabelledSequences {

    /** Characters a label may have, at most. */
    static final int MAX_LABEL = 200;

    private final PayloadParser parser;

    public LabelledSequences(PayloadParser parser) {
        this.parser = parser;
    }

    /**
     * @param pointer JSON pointer of the data object ({@code /data} for training, empty for a request whose
     *     sequences are at the root)
     * @param training labels required
     * @throws InvalidInputException with the JSON pointer of the first offending field
     */
    public ClassificationData parse(List<String> features, List<LabelledPayload> sequences, String pointer,
            boolean training) {
        String at = pointer + "/sequences";
        if (sequences == null || sequences.isEmpty()) {
            throw new InvalidInputException(at, "a non-empty array of sequences is expected");
        }
        parser.requireCount(sequences.size(), at);
        LabelledPayload first = sequences.get(0);
        boolean text = first != null && first.text() != null;
        boolean multivariate = !text && features != null;
        List<String> names = text ? List.of(ClassificationData.CHARACTERS) : multivariate ? features : List.of("value");
        if (multivariate) {
            parser.checkFeatures(features, pointer + "/features");
        }
        List<LabelledSequence> parsed = new ArrayList<>(sequences.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sequences.size(); i++) {
            String one = at + "/" + i;
            LabelledPayload sequence = sequences.get(i);
            if (sequence == null || (sequence.text() == null) == (sequence.values() == null)) {
                throw new InvalidInputException(one, "each sequence has either a text or values");
            }
            if ((sequence.text() != null) != text) {
                throw new InvalidInputException(one, "every sequence must be " + (text ? "a text" : "values")
                        + ", as the first is");
            }
            String id = PayloadParser.id(sequence.id(), i, ids, one);
            String label = sequence.label();
            if (training && (label == null || label.isBlank() || label.length() > MAX_LABEL)) {
                throw new InvalidInputException(one + "/label", "a label of 1 to " + MAX_LABEL
                        + " characters is expected");
            }
            if (text) {
                if (sequence.text().isEmpty()) {
                    throw new InvalidInputException(one + "/text", "a non-empty text is expected");
                }
                if (!wellFormed(sequence.text())) {
                    throw new InvalidInputException(one + "/text", "the text holds an unpaired UTF-16 surrogate, which"
                            + " is no character");
                }
                parser.requirePoints(sequence.text().length(), one + "/text");
                parsed.add(new LabelledSequence(id, sequence.text(), null, label));
            } else {
                float[][] values = multivariate ? parser.matrix(sequence.values(), features.size(), one + "/values")
                        : parser.column(sequence.values(), one + "/values");
                for (int t = 0; t < values.length; t++) {
                    for (float value : values[t]) {
                        if (Float.isNaN(value)) {
                            throw new InvalidInputException(one + "/values/" + t, "a number is expected: sequences to"
                                    + " classify may not have missing values");
                        }
                    }
                }
                parsed.add(new LabelledSequence(id, null, values, label));
            }
        }
        return new ClassificationData(names, parsed);
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
