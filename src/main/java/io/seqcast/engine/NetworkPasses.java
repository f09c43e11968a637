package io.seqcast.engine;

/**
 * A model whose work is forward passes over fixed-size rows, each row's output depending on that row
 * alone: what an inference queue batches across requests.
 */
public interface NetworkPasses {

    /**
     * Runs the network once over {@code rows} encoded rows laid end to end; thread-safe and free of locks.
     *
     * @throws IllegalStateException when the model was closed
     */
    float[] pass(float[] input, int rows);

    /** Floats per encoded row of a {@link #pass}'s input. */
    int passInputSize();

    /** Floats per row of a {@link #pass}'s output. */
    int passOutputSize();
}
