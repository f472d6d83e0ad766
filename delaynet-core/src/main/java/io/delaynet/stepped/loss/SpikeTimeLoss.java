package io.delaynet.stepped.loss;

import io.delaynet.stepped.neuron.AlphaKernel;

/**
 * SLAYER's {@code spikeTime} loss, used by the delay-only reference: the squared distance between
 * the output and target spike trains after both are smoothed by an alpha kernel (a
 * van-Rossum-like distance), {@code E = 1/2 sum_{k,t} ((eps * (s_k - target_k))[t])^2}. The target
 * asks the label neuron to spike at every step in {@code [0, targetSteps)} and every other neuron
 * to stay silent.
 *
 * @param kernel      smoothing kernel (the reference uses the neurons' PSP kernel, tau 10)
 * @param targetSteps the label neuron's target spikes fill steps 0 .. targetSteps-1
 *                    (reference: 10 for MNIST, 6 for Fashion-MNIST)
 */
public record SpikeTimeLoss(AlphaKernel kernel, int targetSteps) implements SpikeLoss {
    public SpikeTimeLoss {
        if (targetSteps < 0) {
            throw new IllegalArgumentException("target steps must be >= 0, got " + targetSteps);
        }
    }

    @Override
    public double evaluate(double[] spikes, int steps, int classes, int label, double[] gradient) {
        int n = steps * classes;
        double[] difference = new double[n];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < classes; k++) {
                double target = k == label && t < targetSteps ? 1.0 : 0.0;
                difference[t * classes + k] = spikes[t * classes + k] - target;
            }
        }
        double[] smoothed = new double[n];
        kernel.filter(difference, smoothed, steps, classes);
        double loss = 0;
        for (double e : smoothed) {
            loss += e * e;
        }
        if (gradient != null) {
            kernel.correlate(smoothed, gradient, steps, classes);
        }
        return 0.5 * loss;
    }
}
