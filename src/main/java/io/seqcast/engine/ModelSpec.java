package io.seqcast.engine;

/**
 * The shape of a recurrent forecasting model.
 *
 * @param cell recurrent cell
 * @param hiddenSize units per recurrent layer
 * @param layers stacked recurrent layers
 * @param dropout dropout rate applied between recurrent layers while training, in [0, 1)
 * @param window input length: how many past steps the model reads
 * @param horizon steps the model's direct multi-step head predicts at once
 */
public record ModelSpec(CellType cell, int hiddenSize, int layers, double dropout, int window, int horizon) {

    /** Upper bounds that keep a single model within what this service can train and serve. */
    public static final int MAX_HIDDEN_SIZE = 1024;
    public static final int MAX_LAYERS = 8;
    public static final int MAX_WINDOW = 4096;
    public static final int MAX_HORIZON = 1024;


    public ModelSpec {
        if (cell == null) {
            throw new InvalidInputException("spec.cell", "cell is required: one of RNN, LSTM, GRU");
        }
        requireBetween("spec.hiddenSize", "hiddenSize", hiddenSize, 1, MAX_HIDDEN_SIZE);
        requireBetween("spec.layers", "layers", layers, 1, MAX_LAYERS);
        requireBetween("spec.window", "window", window, 1, MAX_WINDOW);
        requireBetween("spec.horizon", "horizon", horizon, 1, MAX_HORIZON);
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new InvalidInputException("spec.dropout", "dropout must be in [0, 1), was " + dropout);
        }
    }

    static void requireBetween(String field, String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(
                    field, name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
