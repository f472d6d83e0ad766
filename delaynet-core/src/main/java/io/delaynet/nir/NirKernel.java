package io.delaynet.nir;

/**
 * One node of a {@link NirSimulation}, compiled: it maps the summed input of a step to its output
 * of the step, keeping whatever state its dynamics have.
 */
interface NirKernel {
    int inputSize();

    int outputSize();

    /** Computes {@code out} from {@code in} for one step and advances the state. */
    void step(double[] in, double[] out);

    /**
     * The shape of the output given the input's: element-wise nodes keep it, nodes that change the
     * size give a vector unless they say otherwise (Conv2d, SumPool2d, Flatten).
     */
    default int[] outputShape(int[] in) {
        int n = 1;
        for (int s : in) {
            n *= s;
        }
        return n == outputSize() ? in.clone() : new int[] {outputSize()};
    }

    /** Back to the state before the first step. */
    default void clear() {
    }

    /** The membrane potentials (after any reset) of a neuron node; null for stateless nodes. */
    default double[] membrane() {
        return null;
    }
}
