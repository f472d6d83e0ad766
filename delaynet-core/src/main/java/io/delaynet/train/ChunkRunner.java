package io.delaynet.train;

import java.util.List;

/**
 * Computes the chunks of a batch somewhere other than the trainer's worker threads (on the
 * executors of a cluster, say), for data-parallel training that gives the numbers of one thread.
 * The trainer cuts the batch as always ({@link Trainer#chunkBounds}), hands over the batch's
 * sample indices and its chunk workspaces, and once this returns reduces the workspaces in chunk
 * order as always. So a runner has one duty: leave in workspace {@code c} exactly what
 * {@link Learner#learn} would have left there for chunk {@code c}'s samples, in order, starting
 * from a reset workspace and the parameters as they are now; and put each sample's result in
 * {@code results}.
 */
public interface ChunkRunner {
    /**
     * @param parameters the learner's parameter groups with their current values (read only)
     * @param samples    the batch's training-sample indices, in batch order
     * @param workspaces one workspace per chunk (at least {@code chunkBounds(samples.length).length - 1})
     * @param results    receives the result of {@code samples[i]} at index {@code i}
     */
    void learn(List<ParameterGroup> parameters, int[] samples, List<? extends Learner.Workspace> workspaces,
               SampleResult[] results);
}
