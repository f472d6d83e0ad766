package io.delaynet.event.loss;

/**
 * The shift-invariant MSE of all shipped DelGrad configurations: only the time differences to the
 * label neuron matter, and every other neuron should fire {@code deltaT} after it:
 * <pre>
 *   L = 1/2 sum_k ((t_k - t_label) - target_k)^2,   target_k = deltaT (k != label), 0 (k = label)
 * </pre>
 */
public record ShiftInvariantMse(double deltaT) implements SpikeTimeLoss {

    @Override
    public double loss(double[] times, int label, double[] gradient) {
        double tLabel = times[label];
        double loss = 0;
        double labelGradient = 0;
        for (int k = 0; k < times.length; k++) {
            if (k == label) {
                continue;
            }
            double residual = times[k] - tLabel - deltaT;
            loss += 0.5 * residual * residual;
            gradient[k] = residual;
            labelGradient -= residual;
        }
        gradient[label] = labelGradient;
        return loss;
    }
}
