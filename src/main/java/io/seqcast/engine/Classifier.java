package io.seqcast.engine;

import java.util.List;

/**
 * A trained sequence classifier held in native memory. Thread-safe; close it to free its native memory.
 * Its work is {@link NetworkPasses}: each sequence is one encoded row, so passes batch across requests.
 */
public interface Classifier extends SavedModel, NetworkPasses {

    /**
     * Encodes sequences as rows for {@link #pass}, in order.
     *
     * @throws InvalidInputException when a sequence is empty, of the wrong kind (text or values) or has the
     *     wrong feature count or non-finite values
     */
    float[] encode(List<LabelledSequence> sequences);

    /**
     * The work classifying {@code rows} sequences takes, in multiply-adds, each read to the longest length
     * the model reads (plus a fixed amount per sequence). Saturates instead of overflowing.
     */
    long classifyWork(int rows);

    /** The {@code top} most probable classes of each row of a {@link #pass}'s output. */
    List<Prediction> decode(float[] output, int rows, int top);

    /** Encodes, passes and decodes in the calling thread. */
    default List<Prediction> classify(List<LabelledSequence> sequences, int top) {
        return decode(pass(encode(sequences), sequences.size()), sequences.size(), top);
    }
}
