package io.seqcast.engine;

/**
 * How a model is trained.
 *
 * @param epochs passes over the training windows
 * @param batchSize windows per optimizer step
 * @param optimizer update rule
 * @param learningRate step size
 * @param momentum momentum for SGD and RMSProp, 0 for none
 * @param loss training loss, computed on normalized values
 * @param gradientClipNorm rescale gradients whose global L2 norm exceeds this; 0 disables
 * @param gradientClipValue clamp every gradient element to [-v, v]; 0 disables
 * @param validationFraction share of each series' end held out for validation and early stopping (of the
 *     tracks, whole, for trajectories where that makes 5 or more)
 * @param earlyStoppingPatience epochs without validation improvement before stopping; 0 disables
 * @param shuffle shuffle the training windows every epoch
 * @param seed seeds initialization, shuffling and dropout: same data, spec and seed give the same model
 * @param networkOnly forecast with the network alone: validation neither chooses classical baselines
 *     instead of it nor combines them with it (false in manifests written before the setting)
 * @param members networks trained from different seeds on the same windows, their forecasts averaged; null
 *     for the default, which depends on the data ({@link Defaults#members}); in a manifest, the number
 *     trained (null in manifests written before the setting: one)
 */
public record TrainingSpec(
        int epochs,
        int batchSize,
        OptimizerType optimizer,
        double learningRate,
        double momentum,
        LossType loss,
        double gradientClipNorm,
        double gradientClipValue,
        double validationFraction,
        int earlyStoppingPatience,
        boolean shuffle,
        long seed,
        boolean networkOnly,
        Integer members) {

    public static final int MAX_EPOCHS = 100_000;
    public static final int MAX_MEMBERS = 9;
    public static final int MAX_BATCH_SIZE = 65_536;

    /** Every setting at its default ({@link Defaults}). */
    public static final TrainingSpec DEFAULT = new TrainingSpec(Defaults.EPOCHS, Defaults.BATCH_SIZE,
            OptimizerType.valueOf(Defaults.OPTIMIZER), Defaults.LEARNING_RATE, Defaults.MOMENTUM,
            LossType.valueOf(Defaults.LOSS), Defaults.GRADIENT_CLIP_NORM, Defaults.GRADIENT_CLIP_VALUE,
            Defaults.VALIDATION_FRACTION, Defaults.EARLY_STOPPING_PATIENCE, true, Defaults.SEED,
            Defaults.NETWORK_ONLY, null);

    public TrainingSpec {
        ModelSpec.requireBetween("training.epochs", "epochs", epochs, 1, MAX_EPOCHS);
        ModelSpec.requireBetween("training.batchSize", "batchSize", batchSize, 1, MAX_BATCH_SIZE);
        if (optimizer == null) {
            throw new InvalidInputException(
                    "training.optimizer", "optimizer is required: one of ADAM, SGD, RMSPROP, ADAGRAD");
        }
        if (loss == null) {
            throw new InvalidInputException("training.loss",
                    "loss is required: one of MSE, MAE, HUBER (forecasters) or CROSS_ENTROPY (classifiers)");
        }
        if (!(learningRate > 0.0 && learningRate <= 10.0)) {
            throw new InvalidInputException(
                    "training.learningRate", "learningRate must be in (0, 10], was " + learningRate);
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new InvalidInputException("training.momentum", "momentum must be in [0, 1), was " + momentum);
        }
        if (!(gradientClipNorm >= 0.0 && Double.isFinite(gradientClipNorm))) {
            throw new InvalidInputException(
                    "training.gradientClipNorm", "gradientClipNorm must be >= 0 (0 disables), was " + gradientClipNorm);
        }
        if (!(gradientClipValue >= 0.0 && Double.isFinite(gradientClipValue))) {
            throw new InvalidInputException(
                    "training.gradientClipValue",
                    "gradientClipValue must be >= 0 (0 disables), was " + gradientClipValue);
        }
        if (!(validationFraction >= 0.0 && validationFraction <= 0.5)) {
            throw new InvalidInputException(
                    "training.validationFraction", "validationFraction must be in [0, 0.5], was " + validationFraction);
        }
        ModelSpec.requireBetween(
                "training.earlyStoppingPatience", "earlyStoppingPatience", earlyStoppingPatience, 0, MAX_EPOCHS);
        if (members != null) {
            ModelSpec.requireBetween("training.members", "members", members, 1, MAX_MEMBERS);
        }
    }

    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from an existing spec (usually {@link #DEFAULT}) and changes what the caller names. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private OptimizerType optimizer;
        private double learningRate;
        private double momentum;
        private LossType loss;
        private double gradientClipNorm;
        private double gradientClipValue;
        private double validationFraction;
        private int earlyStoppingPatience;
        private boolean shuffle;
        private long seed;
        private boolean networkOnly;
        private Integer members;

        private Builder(TrainingSpec from) {
            epochs = from.epochs;
            batchSize = from.batchSize;
            optimizer = from.optimizer;
            learningRate = from.learningRate;
            momentum = from.momentum;
            loss = from.loss;
            gradientClipNorm = from.gradientClipNorm;
            gradientClipValue = from.gradientClipValue;
            validationFraction = from.validationFraction;
            earlyStoppingPatience = from.earlyStoppingPatience;
            shuffle = from.shuffle;
            seed = from.seed;
            networkOnly = from.networkOnly;
            members = from.members;
        }

        public Builder epochs(int value) { epochs = value; return this; }
        public Builder batchSize(int value) { batchSize = value; return this; }
        public Builder optimizer(OptimizerType value) { optimizer = value; return this; }
        public Builder learningRate(double value) { learningRate = value; return this; }
        public Builder momentum(double value) { momentum = value; return this; }
        public Builder loss(LossType value) { loss = value; return this; }
        public Builder gradientClipNorm(double value) { gradientClipNorm = value; return this; }
        public Builder gradientClipValue(double value) { gradientClipValue = value; return this; }
        public Builder validationFraction(double value) { validationFraction = value; return this; }
        public Builder earlyStoppingPatience(int value) { earlyStoppingPatience = value; return this; }
        public Builder shuffle(boolean value) { shuffle = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder networkOnly(boolean value) { networkOnly = value; return this; }
        public Builder members(Integer value) { members = value; return this; }

        public TrainingSpec build() {
            return new TrainingSpec(epochs, batchSize, optimizer, learningRate, momentum, loss, gradientClipNorm,
                    gradientClipValue, validationFraction, earlyStoppingPatience, shuffle, seed, networkOnly, members);
        }
    }
}
