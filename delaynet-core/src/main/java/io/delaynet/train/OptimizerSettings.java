package io.delaynet.train;

import java.util.List;
import java.util.Locale;

/**
 * Which {@link Optimizer} a run uses and its hyperparameters, as configured; {@link #create} builds
 * it over the learner's groups. The defaults are PyTorch's.
 *
 * @param type        adam, adamw or sgd
 * @param beta1       adam, adamw: decay of the first moment, in [0, 1)
 * @param beta2       adam, adamw: decay of the second moment, in [0, 1)
 * @param epsilon     adam, adamw: added to the root of the corrected second moment
 * @param weightDecay L2 penalty added to the gradient (adam, sgd) or decoupled shrinkage (adamw)
 * @param amsgrad     adam, adamw: keep the maximum of the second moments (AMSGrad)
 * @param momentum    sgd: momentum factor; 0 = plain SGD
 * @param nesterov    sgd: Nesterov momentum (needs momentum &gt; 0)
 */
public record OptimizerSettings(Type type, double beta1, double beta2, double epsilon, double weightDecay,
                                boolean amsgrad, double momentum, boolean nesterov) {

    /** The optimizers there are, by configuration name. */
    public enum Type {
        ADAM, ADAMW, SGD;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses "adam", "adamw" or "sgd". */
        public static Type parse(String name) {
            for (Type t : values()) {
                if (t.configName().equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("optimizer type must be adam, adamw or sgd, got " + name);
        }

        /** PyTorch's default weight decay of this optimizer: 0.01 for AdamW, 0 otherwise. */
        public double defaultWeightDecay() {
            return this == ADAMW ? AdamW.DEFAULT_WEIGHT_DECAY : 0;
        }
    }

    public OptimizerSettings {
        java.util.Objects.requireNonNull(type, "type");
    }

    /** Adam with PyTorch's defaults (betas 0.9, 0.999, eps 1e-8, no weight decay): what every run used before. */
    public static OptimizerSettings adam(boolean amsgrad) {
        return new OptimizerSettings(Type.ADAM, 0.9, 0.999, 1e-8, 0, amsgrad, 0, false);
    }

    /** Arrays of state this optimizer keeps per trainable parameter: Adam's moments (three with AMSGrad), SGD's momentum. */
    public int stateArrays() {
        return switch (type) {
            case ADAM, ADAMW -> amsgrad ? 3 : 2;
            case SGD -> momentum == 0 ? 0 : 1;
        };
    }

    /** A new optimizer with zero state over {@code groups}. */
    public Optimizer create(List<ParameterGroup> groups) {
        return switch (type) {
            case ADAM -> new Adam(groups, beta1, beta2, epsilon, weightDecay, amsgrad);
            case ADAMW -> new AdamW(groups, beta1, beta2, epsilon, weightDecay, amsgrad);
            case SGD -> new Sgd(groups, momentum, weightDecay, nesterov);
        };
    }
}
