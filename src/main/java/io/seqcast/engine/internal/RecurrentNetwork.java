package io.seqcast.engine.internal;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.ParameterStore;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ModelSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stacked recurrent layers read a window; a linear head maps the last hidden state to all
 * {@code horizon * features} outputs at once (direct multi-step forecasting).
 *
 * <p>Without dropout the layers are one fused libtorch block. With dropout they are separate
 * single-layer blocks, so that dropout between them draws its masks from the training run's own seeded
 * generator instead of libtorch's global one: that keeps training reproducible even when several models
 * train at once.
 */
final class RecurrentNetwork {

    private static final NDIndex LAST_STEP = new NDIndex(":, -1, :");

    private final ModelSpec spec;
    private final int features;
    /** The last steps of each window the network reads: the whole window, or fewer ({@link Ensemble#lookback}). */
    private final int lookback;
    /** The steps read where the window is longer than the lookback; built once, as the index is parsed. */
    private final NDIndex lastSteps;
    private final List<Block> layers = new ArrayList<>();
    private final Linear head;
    private final ParameterStore parameterStore;

    private RecurrentNetwork(ModelSpec spec, int features, int lookback, NDManager manager) {
        if (lookback < 1 || lookback > spec.window()) {
            throw new IllegalArgumentException("a network reads 1 to " + spec.window() + " steps, not " + lookback);
        }
        this.spec = spec;
        this.features = features;
        this.lookback = lookback;
        this.lastSteps = new NDIndex(":, -" + lookback + ":, :");
        if (spec.dropout() == 0) {
            layers.add(recurrentBlock(spec.cell(), spec.hiddenSize(), spec.layers()));
        } else {
            for (int l = 0; l < spec.layers(); l++) {
                layers.add(recurrentBlock(spec.cell(), spec.hiddenSize(), 1));
            }
        }
        this.head = Linear.builder().setUnits((long) spec.horizon() * features).build();
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * A new network with recurrent parameters drawn from {@code random} as PyTorch initializes them, and
     * a zero head: before training the network outputs zeros, which {@link Scaling} decodes as the
     * seasonal naive forecast, so training starts from that benchmark instead of from noise. It reads the
     * last {@code lookback} steps of each window.
     */
    static RecurrentNetwork initialize(ModelSpec spec, int features, int lookback, NDManager manager,
            SplittableRandom random) {
        RecurrentNetwork network = new RecurrentNetwork(spec, features, lookback, manager);
        long inputSize = features;
        for (Block layer : network.layers) {
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, lookback, inputSize));
            inputSize = spec.hiddenSize();
        }
        network.head.initialize(manager, DataType.FLOAT32, new Shape(1, spec.hiddenSize()));
        double bound = 1.0 / Math.sqrt(spec.hiddenSize());
        for (Block layer : network.layers) {
            for (Parameter parameter : layer.getParameters().values()) {
                NDArray array = parameter.getArray();
                float[] values = new float[Math.toIntExact(array.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
                array.set(FloatBuffer.wrap(values));
            }
        }
        for (Parameter parameter : network.head.getParameters().values()) {
            parameter.getArray().set(FloatBuffer.wrap(new float[Math.toIntExact(parameter.getArray().size())]));
        }
        return network;
    }

    /** A network whose parameters are read from {@code in}, as written by {@link #save}. */
    static RecurrentNetwork load(ModelSpec spec, int features, int lookback, NDManager manager, DataInputStream in)
            throws IOException {
        RecurrentNetwork network = new RecurrentNetwork(spec, features, lookback, manager);
        try {
            for (Block layer : network.layers) {
                layer.loadParameters(manager, in);
            }
            network.head.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("parameters do not match the manifest's model spec", e);
        }
        return network;
    }

    void save(DataOutputStream out) throws IOException {
        for (Block layer : layers) {
            layer.saveParameters(out);
        }
        head.saveParameters(out);
    }

    int lookback() {
        return lookback;
    }

    List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (Block layer : layers) {
            layer.getParameters().values().forEach(parameters::add);
        }
        head.getParameters().values().forEach(parameters::add);
        return parameters;
    }

    /**
     * Runs the network.
     *
     * @param input {@code [batch, window, features]}, of which the network reads the last {@link #lookback} steps
     * @param dropoutRandom draws dropout masks while training; null for inference
     * @return {@code [batch, horizon * features]}
     */
    NDArray forward(NDArray input, boolean training, SplittableRandom dropoutRandom) {
        NDManager manager = input.getManager();
        NDArray hidden = lookback < input.getShape().get(1) ? input.get(lastSteps) : input;
        for (int l = 0; l < layers.size(); l++) {
            hidden = layers.get(l).forward(parameterStore, new NDList(hidden), training).head();
            if (training && spec.dropout() > 0 && l < layers.size() - 1) {
                hidden = hidden.mul(dropoutMask(manager, hidden.getShape(), dropoutRandom));
            }
        }
        NDArray last = hidden.get(LAST_STEP);
        return head.forward(parameterStore, new NDList(last), training).head();
    }

    /** Inverted dropout: kept units are scaled by 1 / (1 - rate) so inference needs no rescaling. */
    private NDArray dropoutMask(NDManager manager, Shape shape, SplittableRandom random) {
        return dropoutMask(manager, shape, spec.dropout(), random);
    }

    /** A mask drawn from the training run's own seeded generator (not libtorch's global one). */
    static NDArray dropoutMask(NDManager manager, Shape shape, double rate, SplittableRandom random) {
        float keep = (float) (1.0 / (1.0 - rate));
        float[] mask = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return manager.create(mask, shape);
    }

    /**
     * Inference over {@code n} encoded windows, with every native array freed before returning.
     *
     * @return {@code [n][horizon * features]} flattened
     */
    float[] predict(NDManager parent, float[] input, int n) {
        try (NDManager scope = parent.newSubManager()) {
            return forward(scope.create(input, new Shape(n, spec.window(), features)), false, null).toFloatArray();
        }
    }

    static Block recurrentBlock(CellType cell, int hiddenSize, int numLayers) {
        return switch (cell) {
            case RNN -> RNN.builder()
                    .setStateSize(hiddenSize)
                    .setNumLayers(numLayers)
                    .setActivation(RNN.Activation.TANH)
                    .optBatchFirst(true)
                    .optReturnState(false)
                    .build();
            case LSTM -> LSTM.builder()
                    .setStateSize(hiddenSize)
                    .setNumLayers(numLayers)
                    .optBatchFirst(true)
                    .optReturnState(false)
                    .build();
            case GRU -> GRU.builder()
                    .setStateSize(hiddenSize)
                    .setNumLayers(numLayers)
                    .optBatchFirst(true)
                    .optReturnState(false)
                    .build();
        };
    }
}
