package io.delaynet.hardware.loop;

import io.delaynet.event.DelGradLearner;
import io.delaynet.event.EventNetwork;
import io.delaynet.event.SpikeData;
import io.delaynet.event.WeightBumping;
import io.delaynet.event.loss.SpikeTimeLoss;
import io.delaynet.hardware.SpikingBackend;
import io.delaynet.train.Split;
import java.util.Map;

/**
 * DelGrad trained with the forward pass on a {@link SpikingBackend}: a {@link DelGradLearner}
 * whose spike times come from a {@link ChipForwardPass}, so the reference's safeguards all apply
 * as in plain DelGrad (the per-sample weight-gradient guard, the silent-sample rule, weight bumping
 * driven by the neurons that stayed silent on the backend), plus those of the observed times (no
 * gradient through a spike the nominal model cannot produce, none past the nominal membrane's
 * peak), and the readout's rule that a tie for the earliest output is no decision.
 *
 * @param learner     what the trainer runs
 * @param forwardPass its forward pass: the backend and the trial count
 */
public record ChipInTheLoop(DelGradLearner learner, ChipForwardPass forwardPass) {

    /**
     * Deploys {@code network} to {@code backend} and builds the learner around it.
     *
     * @param network           the trained network (float parameters)
     * @param maxWeightGradient the per-sample DelGrad guard (+inf disables it)
     * @param maxMissing        per layer, the tolerated fraction of silent (sample, neuron) pairs
     * @param weightLimit       weights are clipped to ±weightLimit after every step (+inf: none);
     *                          hardware-aware clipping may tighten it to the chip's range
     */
    public static ChipInTheLoop of(EventNetwork network, SpikingBackend backend, HardwareAware hardwareAware,
                                   SpikeTimeLoss loss, Map<Split, SpikeData> data, double maxWeightGradient,
                                   WeightBumping bumping, double[] maxMissing, double weightLimit) {
        return of(network, backend, hardwareAware, CalibrationPlan.none(), 0, loss, data, maxWeightGradient, bumping,
                maxMissing, weightLimit);
    }

    /**
     * As above, with the chip's delays calibrated as {@code calibration} plans, and evaluation runs
     * grouped in batches of {@code evaluationBatch} samples for batch-level noise (0: one group per pass).
     */
    public static ChipInTheLoop of(EventNetwork network, SpikingBackend backend, HardwareAware hardwareAware,
                                   CalibrationPlan calibration, int evaluationBatch, SpikeTimeLoss loss,
                                   Map<Split, SpikeData> data, double maxWeightGradient, WeightBumping bumping,
                                   double[] maxMissing, double weightLimit) {
        double weightBound = Math.min(weightLimit, hardwareAware.weightBound());
        // the floats start inside the range they are kept in, so the first deployment is one the chip can hold
        network.clipWeights(weightBound);
        network.refresh();
        ChipForwardPass chip = new ChipForwardPass(network, backend, hardwareAware, calibration, evaluationBatch);
        DelGradLearner learner = new DelGradLearner(network, chip, new NoDecisionOnTies(loss), data,
                maxWeightGradient, bumping, maxMissing, weightBound);
        return new ChipInTheLoop(learner, chip);
    }
}
