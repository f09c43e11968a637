package io.seqcast.engine;

/** The recurrent cell of a model. */
public enum CellType {
    /** Vanilla (Elman) recurrent cell with tanh activation. */
    RNN,
    LSTM,
    GRU
}
