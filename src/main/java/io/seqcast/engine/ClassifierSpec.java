package io.seqcast.engine;

/**
 * The shape of a recurrent sequence classifier: a learned embedding of each character (text) or the
 * scaled values (numeric sequences), recurrent layers, and a softmax head on the state after the last
 * element.
 *
 * @param cell recurrent cell
 * @param embedding size of the learned character embedding (text only)
 * @param hiddenSize units per recurrent layer
 * @param layers stacked recurrent layers
 * @param dropout dropout rate between recurrent layers while training, in [0, 1)
 * @param maxLength elements read per sequence: longer ones are cut to their first {@code maxLength}
 */
public record ClassifierSpec(CellType cell, int embedding, int hiddenSize, int layers, double dropout, int maxLength) {

    public static final int MAX_EMBEDDING = 512;
    public static final int MAX_LENGTH = 256;

    public ClassifierSpec {
        if (cell == null) {
            throw new InvalidInputException("spec.cell", "cell is required: one of RNN, LSTM, GRU");
        }
        ModelSpec.requireBetween("spec.embedding", "embedding", embedding, 1, MAX_EMBEDDING);
        ModelSpec.requireBetween("spec.hiddenSize", "hiddenSize", hiddenSize, 1, ModelSpec.MAX_HIDDEN_SIZE);
        ModelSpec.requireBetween("spec.layers", "layers", layers, 1, ModelSpec.MAX_LAYERS);
        ModelSpec.requireBetween("spec.window", "window (the longest sequence read)", maxLength, 1, MAX_LENGTH);
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new InvalidInputException("spec.dropout", "dropout must be in [0, 1), was " + dropout);
        }
    }
}
