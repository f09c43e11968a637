package io.seqcast.engine.internal;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.seqcast.engine.ClassifierSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A recurrent classifier: texts are read as learned character embeddings (a linear map of one-hot tokens,
 * which is an embedding lookup), numeric sequences as they are; recurrent layers read the padded batch,
 * and the state after each sequence's own last element (picked by a one-hot mask, so padding after it
 * changes nothing) feeds a linear head of one logit per class.
 */
final class ClassifierNetwork {

    private final ClassifierSpec spec;
    /** Tokens (texts) or features (numeric) per element. */
    private final int inputs;
    private final boolean text;
    private final Linear embedding;
    private final List<Block> layers = new ArrayList<>();
    private final Linear head;
    private final ParameterStore parameterStore;

    private ClassifierNetwork(ClassifierSpec spec, int inputs, boolean text, int classes, NDManager manager) {
        this.spec = spec;
        this.inputs = inputs;
        this.text = text;
        this.embedding = text ? Linear.builder().setUnits(spec.embedding()).optBias(false).build() : null;
        if (spec.dropout() == 0) {
            layers.add(RecurrentNetwork.recurrentBlock(spec.cell(), spec.hiddenSize(), spec.layers()));
        } else {
            for (int l = 0; l < spec.layers(); l++) {
                layers.add(RecurrentNetwork.recurrentBlock(spec.cell(), spec.hiddenSize(), 1));
            }
        }
        this.head = Linear.builder().setUnits(classes).build();
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * A new network with parameters drawn from {@code random} as PyTorch initializes them: embeddings
     * N(0, 1), recurrent and head weights U(-1/sqrt(fan), 1/sqrt(fan)).
     *
     * @param inputs vocabulary size (texts) or features (numeric)
     */
    static ClassifierNetwork initialize(ClassifierSpec spec, int inputs, boolean text, int classes, NDManager manager,
            SplittableRandom random) {
        ClassifierNetwork network = new ClassifierNetwork(spec, inputs, text, classes, manager);
        long layerInput = inputs;
        if (text) {
            network.embedding.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            fill(network.embedding, () -> random.nextGaussian());
            layerInput = spec.embedding();
        }
        for (Block layer : network.layers) {
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, spec.maxLength(), layerInput));
            layerInput = spec.hiddenSize();
        }
        network.head.initialize(manager, DataType.FLOAT32, new Shape(1, spec.hiddenSize()));
        double bound = 1.0 / Math.sqrt(spec.hiddenSize());
        for (Block layer : network.layers) {
            fill(layer, () -> (random.nextDouble() * 2 - 1) * bound);
        }
        fill(network.head, () -> (random.nextDouble() * 2 - 1) * bound);
        return network;
    }

    private static void fill(Block block, java.util.function.DoubleSupplier draw) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) draw.getAsDouble();
            }
            array.set(FloatBuffer.wrap(values));
        }
    }

    /** A network whose parameters are read from {@code in}, as written by {@link #save}. */
    static ClassifierNetwork load(ClassifierSpec spec, int inputs, boolean text, int classes, NDManager manager,
            DataInputStream in) throws IOException {
        ClassifierNetwork network = new ClassifierNetwork(spec, inputs, text, classes, manager);
        try {
            for (Block block : network.blocks()) {
                block.loadParameters(manager, in);
            }
        } catch (MalformedModelException e) {
            throw new IOException("parameters do not match the manifest's classifier spec", e);
        }
        return network;
    }

    void save(DataOutputStream out) throws IOException {
        for (Block block : blocks()) {
            block.saveParameters(out);
        }
    }

    private List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        if (embedding != null) {
            blocks.add(embedding);
        }
        blocks.addAll(layers);
        blocks.add(head);
        return blocks;
    }

    List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (Block block : blocks()) {
            block.getParameters().values().forEach(parameters::add);
        }
        return parameters;
    }

    /**
     * The logits of a batch.
     *
     * @param elements {@code [batch * length * inputs]}: one-hot tokens (texts) or scaled values, padded
     * @param last {@code [batch * length]}: 1 at each sequence's last element, else 0
     * @param length elements per sequence in this batch (at most the spec's maximum)
     * @param dropoutRandom draws dropout masks while training; null for inference
     * @return {@code [batch, classes]}
     */
    NDArray forward(NDManager manager, float[] elements, float[] last, int batch, int length, boolean training,
            SplittableRandom dropoutRandom) {
        NDArray hidden = manager.create(elements, new Shape(batch, length, inputs));
        if (text) {
            hidden = embedding.forward(parameterStore, new NDList(hidden.reshape(batch * length, inputs)), training)
                    .head().reshape(batch, length, spec.embedding());
        }
        for (int l = 0; l < layers.size(); l++) {
            hidden = layers.get(l).forward(parameterStore, new NDList(hidden), training).head();
            if (training && spec.dropout() > 0 && l < layers.size() - 1) {
                hidden = hidden.mul(RecurrentNetwork.dropoutMask(manager, hidden.getShape(), spec.dropout(), dropoutRandom));
            }
        }
        NDArray state = hidden.mul(manager.create(last, new Shape(batch, length, 1))).sum(new int[] {1});
        return head.forward(parameterStore, new NDList(state), training).head();
    }
}
