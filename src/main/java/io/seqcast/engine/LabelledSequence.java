package io.seqcast.engine;

/**
 * A sequence to classify, or to learn from with its label: a text read character by character, or values
 * {@code [time][feature]}; exactly one of them.
 *
 * @param id the caller's name for it, echoed in predictions (may be null in training data)
 * @param text characters, Unicode-normalised (NFC) by the caller
 * @param values numeric elements, one row per step
 * @param label its class; null when it is to be classified
 */
public record LabelledSequence(String id, String text, float[][] values, String label) {

    public int length() {
        return text != null ? text.codePointCount(0, text.length()) : values.length;
    }
}
