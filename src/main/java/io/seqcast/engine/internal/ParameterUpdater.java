package io.seqcast.engine.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.seqcast.engine.TrainingSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one optimizer step to every parameter and clears the gradients.
 *
 * <p>Adam and SGD use libtorch's fused update through DJL's JNI. DJL's Adagrad and RMSProp throw on the
 * PyTorch engine, so those are written here with in-place tensor operations, following
 * {@code torch.optim.Adagrad} and {@code torch.optim.RMSprop} with their default constants. DJL's
 * fused updates clip gradients on one side only, so clipping by value is done here as well, before
 * the update.
 */
final class ParameterUpdater {

    private static final float ADAM_BETA1 = 0.9f;
    private static final float ADAM_BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-8f;
    private static final float ADAGRAD_EPSILON = 1e-10f;
    private static final float RMSPROP_ALPHA = 0.99f;
    private static final float RMSPROP_EPSILON = 1e-8f;

    private final TrainingSpec spec;
    private final List<PtNDArray> weights = new ArrayList<>();
    private final List<NDArray> firstState = new ArrayList<>();
    private final List<NDArray> secondState = new ArrayList<>();
    // libtorch keeps each parameter's gradient tensor across steps (zeroing is in place), so the
    // handles are fetched once instead of once per step.
    private List<PtNDArray> gradients;
    private final NDManager manager;
    private int step;

    ParameterUpdater(TrainingSpec spec, List<Parameter> parameters, NDManager manager) {
        this.spec = spec;
        this.manager = manager;
        for (Parameter parameter : parameters) {
            PtNDArray weight = (PtNDArray) parameter.getArray();
            weights.add(weight);
            firstState.add(manager.zeros(weight.getShape()));
            secondState.add(manager.zeros(weight.getShape()));
        }
    }

    /** Updates every weight from its gradient, then zeroes the gradients. Must run with grad mode off. */
    void step() {
        step++;
        if (gradients == null) {
            gradients = new ArrayList<>(weights.size());
            for (PtNDArray weight : weights) {
                PtNDArray gradient = JniUtils.getGradient(weight);
                NDScope.unregister(gradient);
                gradient.attach(manager);
                gradients.add(gradient);
            }
        }
        // Every array created in the scope (clipped gradients, temporaries) is freed when it closes.
        try (NDScope ignored = new NDScope()) {
            List<PtNDArray> clipped = gradients;
            if (spec.gradientClipValue() > 0) {
                float clip = (float) spec.gradientClipValue();
                clipped = new ArrayList<>(gradients.size());
                for (PtNDArray gradient : gradients) {
                    clipped.add((PtNDArray) gradient.clip(-clip, clip));
                }
            }
            float rescale = globalNormRescale(clipped);
            for (int i = 0; i < weights.size(); i++) {
                update(i, weights.get(i), clipped.get(i), rescale);
                JniUtils.zeroGrad(weights.get(i));
            }
        }
    }

    /** The factor that brings the global L2 norm of all gradients down to the clip norm (1 when within). */
    private float globalNormRescale(List<PtNDArray> gradients) {
        if (spec.gradientClipNorm() <= 0) {
            return 1f;
        }
        NDArray total = null;
        for (NDArray gradient : gradients) {
            NDArray squares = gradient.square().sum();
            total = total == null ? squares : total.addi(squares);
        }
        double norm = Math.sqrt(total.getFloat());
        if (!Double.isFinite(norm)) {
            return 1f;
        }
        return norm > spec.gradientClipNorm() ? (float) (spec.gradientClipNorm() / norm) : 1f;
    }

    private void update(int i, PtNDArray weight, PtNDArray gradient, float rescale) {
        float learningRate = (float) spec.learningRate();
        switch (spec.optimizer()) {
            case ADAM -> {
                double correction = Math.sqrt(1 - Math.pow(ADAM_BETA2, step)) / (1 - Math.pow(ADAM_BETA1, step));
                JniUtils.adamUpdate(weight, gradient, (PtNDArray) firstState.get(i), (PtNDArray) secondState.get(i),
                        learningRate, (float) (learningRate * correction), 0f, rescale, -1f,
                        ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, false);
            }
            case SGD -> JniUtils.sgdUpdate(weight, gradient,
                    spec.momentum() > 0 ? (PtNDArray) firstState.get(i) : null,
                    learningRate, 0f, rescale, -1f, (float) spec.momentum());
            case ADAGRAD -> {
                NDArray g = rescale == 1f ? gradient : gradient.mul(rescale);
                NDArray sum = firstState.get(i).addi(g.square());
                weight.subi(g.div(sum.sqrt().addi(ADAGRAD_EPSILON)).muli(learningRate));
            }
            case RMSPROP -> {
                NDArray g = rescale == 1f ? gradient : gradient.mul(rescale);
                NDArray average = secondState.get(i).muli(RMSPROP_ALPHA).addi(g.square().muli(1 - RMSPROP_ALPHA));
                NDArray direction = g.div(average.sqrt().addi(RMSPROP_EPSILON));
                if (spec.momentum() > 0) {
                    direction = firstState.get(i).muli((float) spec.momentum()).addi(direction);
                }
                weight.subi(direction.mul(learningRate));
            }
        }
    }
}
