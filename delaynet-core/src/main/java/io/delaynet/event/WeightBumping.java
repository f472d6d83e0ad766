package io.delaynet.event;

/**
 * DelGrad's remedy for silent neurons: when too many neurons of a layer did not spike in a batch,
 * the gradient step is skipped and the incoming weights of the silent neurons are raised instead
 * (only in the earliest such layer, since later layers fall silent for lack of input). Repeated
 * bumps of the same layer in consecutive batches double the bump.
 *
 * @param value       the first bump (0.0005 in the reference)
 * @param exponential double the bump when the same layer is bumped in consecutive batches
 * @param targeted    bump only neurons that were silent in some sample, rather than the whole layer
 */
public record WeightBumping(double value, boolean exponential, boolean targeted) {

    /** Mutable bookkeeping of one training run; part of a checkpoint. */
    public static final class State {
        double current;
        int lastLayer = -1;

        public State(double value) {
            current = value;
        }

        public double[] toArray() {
            return new double[] {current, lastLayer};
        }

        public void restore(double[] a) {
            current = a[0];
            lastLayer = (int) a[1];
        }
    }

    /**
     * Bumps if needed. {@code silentCounts} holds, per neuron of every non-input layer (concatenated),
     * in how many samples of the batch it stayed silent.
     *
     * @return whether weights were bumped (and the optimizer step must be skipped)
     */
    public boolean apply(EventNetwork network, double[] silentCounts, int batchSize, double[] maxMissing, State state) {
        int offset = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            Projection p = network.projection(l);
            double missing = 0;
            for (int j = 0; j < p.post(); j++) {
                missing += silentCounts[offset + j];
            }
            if (missing / ((double) batchSize * p.post()) > maxMissing[l]) {
                state.current = exponential && state.lastLayer == l ? state.current * 2 : value;
                state.lastLayer = l;
                double[] w = p.weights().values();
                for (int j = 0; j < p.post(); j++) {
                    if (!targeted || silentCounts[offset + j] > 0) {
                        for (int i = 0; i < p.pre(); i++) {
                            w[j * p.pre() + i] += state.current;
                        }
                    }
                }
                return true;
            }
            offset += p.post();
        }
        state.lastLayer = -1;
        return false;
    }
}
