package io.delaynet.inspect;

/**
 * One parameter group's values and the gradient of one sample's loss with respect to them.
 *
 * @param name     the group's name as in model files and checkpoints, e.g. "layer1.weights"
 * @param layout   how an index maps to the network, e.g. "index = post * 4 + pre", so that values
 *                 can be matched against another implementation's tensors
 * @param values   the parameter values (raw, as the optimizer sees them)
 * @param gradient d loss / d value, same length
 */
public record ParameterGradient(String name, String layout, double[] values, double[] gradient) {
    public ParameterGradient {
        if (values.length != gradient.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values but " + gradient.length + " gradients");
        }
        values = values.clone();
        gradient = gradient.clone();
    }
}
