package io.delaynet.train;

/**
 * PyTorch's optimizer algorithms written out from their documentation (torch.optim.Adam, AdamW,
 * SGD), for one flat array, independently of the production code: the yardstick of
 * {@link OptimizerReferenceTest}. The bias corrections are applied to the moments as the documents
 * write them (m / (1 - beta1^t), v / (1 - beta2^t), the root of the corrected v), not in the
 * rearranged form PyTorch's code and ours use, so rounding differs in the last bits only.
 */
final class OptimizerReference {
    private OptimizerReference() {
    }

    /** Adam, AMSGrad and AdamW: {@code decoupled} selects AdamW's weight decay over Adam's L2 penalty. */
    static final class AdamRef {
        final double beta1;
        final double beta2;
        final double eps;
        final double lambda;
        final boolean amsgrad;
        final boolean decoupled;
        final double[] m;
        final double[] v;
        final double[] vMax;
        int t;

        AdamRef(int n, double beta1, double beta2, double eps, double lambda, boolean amsgrad, boolean decoupled) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.lambda = lambda;
            this.amsgrad = amsgrad;
            this.decoupled = decoupled;
            m = new double[n];
            v = new double[n];
            vMax = new double[n];
        }

        void step(double[] theta, double[] grad, double gamma) {
            t++;
            for (int i = 0; i < theta.length; i++) {
                double g = grad[i];
                if (decoupled) {
                    theta[i] = theta[i] - gamma * lambda * theta[i];
                } else if (lambda != 0) {
                    g = g + lambda * theta[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double second = v[i];
                if (amsgrad) {
                    // PyTorch keeps the maximum of the uncorrected second moment and corrects it with the current t
                    vMax[i] = Math.max(vMax[i], v[i]);
                    second = vMax[i];
                }
                double vHat = second / (1 - Math.pow(beta2, t));
                theta[i] = theta[i] - gamma * mHat / (Math.sqrt(vHat) + eps);
            }
        }
    }

    /** SGD with momentum mu, dampening 0, optional Nesterov, L2 weight decay lambda. */
    static final class SgdRef {
        final double mu;
        final double lambda;
        final boolean nesterov;
        final double[] b;
        int t;

        SgdRef(int n, double mu, double lambda, boolean nesterov) {
            this.mu = mu;
            this.lambda = lambda;
            this.nesterov = nesterov;
            b = new double[n];
        }

        void step(double[] theta, double[] grad, double gamma) {
            t++;
            for (int i = 0; i < theta.length; i++) {
                double g = grad[i];
                if (lambda != 0) {
                    g = g + lambda * theta[i];
                }
                if (mu != 0) {
                    b[i] = t > 1 ? mu * b[i] + (1 - 0.0) * g : g;
                    g = nesterov ? g + mu * b[i] : b[i];
                }
                theta[i] = theta[i] - gamma * g;
            }
        }
    }
}
