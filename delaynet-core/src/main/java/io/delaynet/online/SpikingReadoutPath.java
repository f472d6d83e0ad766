package io.delaynet.online;

/**
 * The path from a hidden neuron j to the loss through a spiking read-out (docs/three-factor.md,
 * section 4a). The spike z_j[t] enters every output neuron k's current with weight b_jk; the output
 * neuron's state carries it forward, its surrogate psi_k turns it into a spike, and the spike trace
 * r_k (decay kappa) carries that to the loss, whose error dE/dr_k[t] is known at step t. Per synapse
 * it keeps the eligibility filtered by the output current, {@code FI = alpha FI + e}, shared by all
 * classes, and per class the derivative of output neuron k's membrane after its spike decision and
 * of its trace:
 * <pre>
 *   du_k = beta V_k + b_jk FI        V_k = J_k du_k        R_k = kappa R_k + psi_k du_k
 *   the step adds  sum_k dE/dr_k[t] R_k
 * </pre>
 * so {@link #stride()} is 1 + 2 classes. With b the read-out weights and one feed-forward hidden
 * layer this is the exact derivative of the loss (forward-mode through the read-out).
 */
final class SpikingReadoutPath implements ReadoutPath {
    private final LifLayer output;
    private final double kappa;
    private final double[] error;
    private final int classes;
    private double[] feedback;

    /**
     * @param output the worker's read-out neurons (their psi and reset Jacobian of the step)
     * @param error  dE/dr_k of the step, rewritten by the worker at every step
     */
    SpikingReadoutPath(LifLayer output, double kappa, double[] error) {
        this.output = output;
        this.kappa = kappa;
        this.error = error;
        this.classes = error.length;
    }

    /** The matrix b (hidden x classes, pre-major) that carries z_j into the read-out this step. */
    void feedback(double[] b) {
        this.feedback = b;
    }

    @Override
    public int stride() {
        return 1 + 2 * classes;
    }

    @Override
    public double advance(double[] state, int at, int j, double eligibility) {
        double[] psi = output.psi();
        double[] jac = output.jacobian();
        double beta = output.beta();
        double current = output.alpha() * state[at] + eligibility;
        state[at] = current;
        int row = j * classes;
        double gradient = 0;
        for (int k = 0; k < classes; k++) {
            int v = at + 1 + 2 * k;
            double potential = beta * state[v] + feedback[row + k] * current;
            state[v] = jac[k] * potential;
            double trace = kappa * state[v + 1] + psi[k] * potential;
            state[v + 1] = trace;
            gradient += error[k] * trace;
        }
        return gradient;
    }
}
