package io.delaynet.config;

import io.delaynet.train.OptimizerSettings;
import io.delaynet.train.StepSchedule;
import io.delaynet.train.TrainingOptions;
import io.delaynet.train.UpdateSchedule;
import java.util.Map;

/**
 * The {@code training:} section shared by every method.
 *
 * @param epochs         passes over the training split
 * @param batchSize      samples per optimizer step (with per-batch updates)
 * @param seed           root seed of every random stream of the run
 * @param threads        worker threads (0 = all available cores); results do not depend on it
 * @param learningRates  learning rate per parameter kind, e.g. {weights: 0.01, delays: 0.003}
 * @param schedule       StepLR: multiply the rates by gamma every step epochs
 * @param amsgrad        use the AMSGrad variant of Adam or AdamW
 * @param keep           which parameters the run ends with: "last" (after the final epoch) or
 *                       "best_validation" (the epoch with the highest validation accuracy, earliest on ties)
 * @param optimizer      the update rule and its hyperparameters; absent = Adam with PyTorch's defaults
 * @param update         when the optimizer steps; absent = once per batch
 * @param clipGradNorm   the largest global L2 norm of a gradient before the optimizer sees it; null = no clipping
 */
public record TrainingSection(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                              Schedule schedule, boolean amsgrad, String keep, Optimizer optimizer, Update update,
                              Double clipGradNorm) {
    /** The kinds of parameter groups ({@code ParameterGroup.rateKey}) a learning rate is given for. */
    public static final java.util.List<String> RATE_KINDS = java.util.List.of("weights", "delays");

    public static final String KEEP_LAST = "last";
    public static final String KEEP_BEST = "best_validation";

    public TrainingSection {
        if (epochs < 0) {
            throw new IllegalArgumentException("training.epochs must be >= 0, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("training.batch_size must be >= 1, got " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("training.threads must be >= 0 (0 = all cores), got " + threads);
        }
        learningRates = learningRates == null ? Map.of() : Map.copyOf(learningRates);
        for (Map.Entry<String, Double> e : learningRates.entrySet()) {
            if (!RATE_KINDS.contains(e.getKey())) {
                // a misspelt kind would otherwise be ignored, and the kind meant would keep its default rate
                throw new IllegalArgumentException("unknown key 'training.learning_rates." + e.getKey()
                        + "'; the parameter kinds with a learning rate are " + String.join(" and ", RATE_KINDS));
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("training.learning_rates." + e.getKey()
                        + " must be a finite number >= 0, got " + e.getValue());
            }
        }
        schedule = schedule == null ? new Schedule(0, 1.0) : schedule;
        keep = keep == null ? KEEP_LAST : keep;
        if (!KEEP_LAST.equals(keep) && !KEEP_BEST.equals(keep)) {
            throw new IllegalArgumentException("training.keep must be last or best_validation, got " + keep);
        }
        optimizer = optimizer == null ? Optimizer.ADAM_DEFAULTS : optimizer;
        update = update == null ? Update.PER_BATCH : update;
        if (clipGradNorm != null && !(clipGradNorm > 0)) {
            throw new IllegalArgumentException("training.clip_grad_norm must be a number > 0, or null for no clipping, got "
                    + clipGradNorm);
        }
    }

    /** The section as it was before optimizers and update schedules were configurable. */
    public TrainingSection(int epochs, int batchSize, long seed, int threads, Map<String, Double> learningRates,
                           Schedule schedule, boolean amsgrad, String keep) {
        this(epochs, batchSize, seed, threads, learningRates, schedule, amsgrad, keep, null, null, null);
    }

    public boolean keepBestValidation() {
        return KEEP_BEST.equals(keep);
    }

    /** StepLR parameters; step 0 disables decay. */
    public record Schedule(int step, double gamma) {
        public Schedule {
            if (step < 0) {
                throw new IllegalArgumentException("training.schedule.step must be >= 0, got " + step);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("training.schedule.gamma must be in (0, 1], got " + gamma);
            }
        }
    }

    /**
     * {@code training.optimizer}: PyTorch's hyperparameters by PyTorch's names. Keys that do not
     * apply to the chosen type are not read (the betas and epsilon by sgd, momentum and nesterov by
     * adam and adamw).
     *
     * @param weightDecay null = the type's PyTorch default (0.01 for adamw, 0 otherwise)
     */
    public record Optimizer(String type, double beta1, double beta2, double epsilon, Double weightDecay,
                            double momentum, boolean nesterov) {
        static final Optimizer ADAM_DEFAULTS = new Optimizer("adam", 0.9, 0.999, 1e-8, null, 0, false);

        public Optimizer {
            type = type == null ? "adam" : type;
            OptimizerSettings.Type parsed;
            try {
                parsed = OptimizerSettings.Type.parse(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("training.optimizer.type must be adam, adamw or sgd, got " + type);
            }
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new IllegalArgumentException("training.optimizer.beta1 must be in [0, 1), got " + beta1);
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("training.optimizer.beta2 must be in [0, 1), got " + beta2);
            }
            if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("training.optimizer.epsilon must be a finite number >= 0, got " + epsilon);
            }
            if (weightDecay != null && (!(weightDecay >= 0) || weightDecay.isInfinite())) {
                throw new IllegalArgumentException("training.optimizer.weight_decay must be a finite number >= 0, "
                        + "or null for the optimizer's default, got " + weightDecay);
            }
            if (!(momentum >= 0) || Double.isInfinite(momentum)) {
                throw new IllegalArgumentException("training.optimizer.momentum must be a finite number >= 0, got " + momentum);
            }
            if (parsed == OptimizerSettings.Type.SGD && nesterov && momentum == 0) {
                throw new IllegalArgumentException("training.optimizer.nesterov needs a momentum > 0; "
                        + "set training.optimizer.momentum (e.g. 0.9) or nesterov: false");
            }
        }

        OptimizerSettings settings(boolean amsgrad) {
            OptimizerSettings.Type t = OptimizerSettings.Type.parse(type);
            double decay = weightDecay == null ? t.defaultWeightDecay() : weightDecay;
            return new OptimizerSettings(t, beta1, beta2, epsilon, decay, amsgrad, momentum, nesterov);
        }
    }

    /**
     * {@code training.update}: when the optimizer steps.
     *
     * @param every batch, sample or steps
     * @param steps with every: steps, the k of "every k time steps inside a sample"
     */
    public record Update(String every, int steps) {
        public static final String BATCH = "batch";
        public static final String SAMPLE = "sample";
        public static final String STEPS = "steps";
        static final Update PER_BATCH = new Update(BATCH, 1);

        public Update {
            every = every == null ? BATCH : every;
            if (!BATCH.equals(every) && !SAMPLE.equals(every) && !STEPS.equals(every)) {
                throw new IllegalArgumentException("training.update.every must be batch, sample or steps, got " + every);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("training.update.steps must be >= 1, got " + steps);
            }
        }

        public UpdateSchedule schedule() {
            return switch (every) {
                case SAMPLE -> UpdateSchedule.PER_SAMPLE;
                case STEPS -> new UpdateSchedule.EverySteps(steps);
                default -> UpdateSchedule.PER_BATCH;
            };
        }
    }

    public int resolvedThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public TrainingOptions toOptions() {
        return new TrainingOptions(epochs, batchSize, seed, resolvedThreads(), learningRates,
                new StepSchedule(schedule.step(), schedule.gamma()), optimizer.settings(amsgrad), update.schedule(),
                clipGradNorm == null ? Double.POSITIVE_INFINITY : clipGradNorm);
    }
}
