package io.delaynet.stepped.estimator;

/**
 * What one sample's backward pass carries from layer to layer, output layer first. Estimators
 * that scale a layer's error against the output layer's (neighbourhood aggregation normalises
 * every layer's dL/du against the output layer's mean magnitude) record and read it here.
 * One per worker, cleared at the start of every backward pass.
 */
public final class BackwardContext {
    private double outputErrorScale = Double.NaN;

    /** Forgets the previous sample. */
    public void clear() {
        outputErrorScale = Double.NaN;
    }

    /** Records the output layer's error size (its meaning is the estimator's). */
    public void setOutputErrorScale(double scale) {
        outputErrorScale = scale;
    }

    /** The output layer's error size for this sample, NaN until the output layer recorded one. */
    public double outputErrorScale() {
        return outputErrorScale;
    }
}
