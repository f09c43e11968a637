package io.seqcast.engine;

/** The recurrent cell of a model. */
public enum CellType {
    /** Vanilla (Elman) recurrent cell with tanh activation. */
    RNN(1),
    LSTM(4),
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /** Weight blocks per layer: what one step of the cell costs relative to a vanilla RNN. */
    public int gates() {
        return gates;
    }
}
