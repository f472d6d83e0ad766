package io.delaynet.event;

/**
 * A random change of a training sample's input spike times made before the sample is learned, such
 * as the shifted and rotated image an augmented MNIST digit encodes to; input noise, if any, is
 * added to its result. Evaluation always sees the clean times.
 *
 * <p>What a sample becomes may depend only on the sample's index and the number of batches trained
 * before it (a count the learner keeps and a checkpoint restores), never on the thread that draws
 * it, so that training stays the same for any thread count and a resumed run continues the sequence.
 */
public interface InputAugmentation {
    /** Leaves every sample as it is. */
    InputAugmentation NONE = new InputAugmentation() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public double[] apply(int sample, long batch, double[] clean, double[] out) {
            return clean;
        }
    };

    /** Whether {@link #apply} changes anything. */
    boolean active();

    /**
     * The input times of training sample {@code sample} drawn in batch {@code batch} (counted over the
     * whole run), written into {@code out} (of the input width) and returned; {@code clean} holds
     * the sample's unchanged times.
     */
    double[] apply(int sample, long batch, double[] clean, double[] out);
}
