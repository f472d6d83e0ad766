package io.delaynet.run;

import io.delaynet.config.ConfigTree;
import io.delaynet.train.Learner;
import io.delaynet.train.ParameterGroup;
import io.delaynet.train.SampleResult;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The far side of data-parallel training: a copy of a run's learner, built from the run's
 * resolved configuration on another machine (or thread), that learns one chunk of a batch with
 * the parameter values the trainer sends. What it returns, {@link Chunk}, is exactly what the
 * trainer's own workspace would hold for that chunk, so the trainer's reduction in chunk order
 * gives the numbers of one thread (see {@link io.delaynet.train.ChunkRunner}).
 *
 * <p>Not thread-safe: a worker owns one learner and one workspace; give every thread its own.
 */
public final class ChunkWorker {
    private final Experiment experiment;
    private final Learner<Learner.Workspace> learner;
    private final Learner.Workspace workspace;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ChunkWorker(Experiment experiment) {
        this.experiment = experiment;
        this.learner = (Learner) experiment.learner();
        this.workspace = learner.newWorkspace();
    }

    /**
     * Builds the learner of a resolved configuration (the text of a run's config.yaml).
     *
     * @param context where this machine finds the data
     */
    public static ChunkWorker of(String resolvedConfigYaml, RunContext context) {
        ResolvedConfig config = ResolvedConfig.ofTree(ConfigTree.parse(resolvedConfigYaml, "run configuration"), "chunk");
        return new ChunkWorker(config.build(context));
    }

    /**
     * One chunk's samples, in order, from a reset workspace, with these parameter values and this
     * method state.
     *
     * @param values  every parameter group's values, in {@link Learner#parameters()} order
     * @param state   the trainer's {@link Experiment#extraState()} now (e.g. DelGrad's batch count,
     *                which selects the input-noise draws)
     * @param samples the chunk's training-sample indices, in order
     */
    public Chunk learn(double[][] values, Map<String, double[]> state, int[] samples) {
        List<ParameterGroup> groups = learner.parameters();
        if (values.length != groups.size()) {
            throw new IllegalArgumentException(values.length + " parameter groups sent, the learner has " + groups.size());
        }
        for (int g = 0; g < values.length; g++) {
            double[] own = groups.get(g).values();
            if (own.length != values[g].length) {
                throw new IllegalArgumentException("group " + groups.get(g).name() + " has " + own.length
                        + " values here, " + values[g].length + " sent");
            }
            System.arraycopy(values[g], 0, own, 0, own.length);
        }
        learner.parametersReplaced();
        experiment.restoreExtraState(state);
        workspace.reset();
        double[] loss = new double[samples.length];
        int[] predicted = new int[samples.length];
        int[] label = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            SampleResult r = learner.learn(samples[i], workspace);
            loss[i] = r.loss();
            predicted[i] = r.predicted();
            label[i] = r.label();
        }
        double[][] gradients = workspace.gradients();
        double[][] copy = new double[gradients.length][];
        for (int g = 0; g < gradients.length; g++) {
            copy[g] = gradients[g].clone();
        }
        return new Chunk(copy, workspace.counters().clone(), loss, predicted, label);
    }

    /** A copy of an experiment's method state, as {@link #learn} takes it (serialisable). */
    public static Map<String, double[]> state(Experiment experiment) {
        Map<String, double[]> out = new LinkedHashMap<>();
        experiment.extraState().forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** The parameter values of a learner's groups, copied, as {@link #learn} takes them. */
    public static double[][] values(List<ParameterGroup> groups) {
        double[][] out = new double[groups.size()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = groups.get(g).values().clone();
        }
        return out;
    }

    /**
     * What a chunk leaves in its workspace, and its samples' results, as a serialisable value.
     *
     * @param gradients the summed gradients per parameter group
     * @param counters  the summed method counters
     */
    public record Chunk(double[][] gradients, double[] counters, double[] loss, int[] predicted, int[] label)
            implements Serializable {

        /** Puts the chunk into the trainer's (reset) workspace and its results at {@code results[offset..]}. */
        public void copyInto(Learner.Workspace workspace, SampleResult[] results, int offset) {
            double[][] own = workspace.gradients();
            for (int g = 0; g < own.length; g++) {
                System.arraycopy(gradients[g], 0, own[g], 0, own[g].length);
            }
            double[] ownCounters = workspace.counters();
            System.arraycopy(counters, 0, ownCounters, 0, ownCounters.length);
            for (int i = 0; i < loss.length; i++) {
                results[offset + i] = new SampleResult(loss[i], predicted[i], label[i]);
            }
        }
    }
}
