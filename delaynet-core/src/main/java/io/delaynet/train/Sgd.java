package io.delaynet.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * exactly as {@code torch.optim.SGD(lr, momentum, dampening=0, weight_decay, nesterov)}:
 * <pre>
 *   g = g + weight_decay x
 *   (momentum) b = g on the first step, else b = momentum b + g;  g = nesterov ? g + momentum b : b
 *   x = x - lr g
 * </pre>
 * Dampening is fixed at PyTorch's default 0. Without momentum there is no running state.
 */
public final class Sgd implements Optimizer {
    static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final List<ParameterGroup> groups;
    private final double momentum;
    private final double weightDecay;
    private final boolean nesterov;
    private final GroupBuffers buffers;
    private final double[][] b;
    private long steps;

    public Sgd(List<ParameterGroup> groups, double momentum, double weightDecay, boolean nesterov) {
        if (!(momentum >= 0) || Double.isInfinite(momentum)) {
            throw new IllegalArgumentException("SGD momentum must be a finite number >= 0, got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum > 0");
        }
        this.groups = List.copyOf(groups);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        buffers = new GroupBuffers(type(), this.groups, momentum == 0 ? List.of() : List.of(MOMENTUM_BUFFER));
        b = momentum == 0 ? null : buffers.get(MOMENTUM_BUFFER);
    }

    @Override
    public String type() {
        return "sgd";
    }

    @Override
    public void step(double[][] gradients, ToDoubleFunction<String> learningRate, WorkerPool workers, int parallelMin) {
        steps++;
        boolean first = steps == 1;
        GroupSlices.run(groups, workers, parallelMin, g -> {
            double lr = learningRate.applyAsDouble(groups.get(g).rateKey());
            return (slice, lo, hi) -> update(g, gradients[g], lr, first, lo, hi);
        });
    }

    /** Elements [lo, hi) of group g. */
    private void update(int g, double[] grad, double lr, boolean first, int lo, int hi) {
        double[] x = groups.get(g).values();
        double[] bg = b == null ? null : b[g];
        boolean decay = weightDecay != 0;
        for (int i = lo; i < hi; i++) {
            double d = grad[i];
            if (decay) {
                d = d + weightDecay * x[i];
            }
            if (bg != null) {
                bg[i] = first ? d : momentum * bg[i] + d;
                d = nesterov ? d + momentum * bg[i] : bg[i];
            }
            x[i] -= lr * d;
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public OptimizerState state() {
        return buffers.state(steps);
    }

    @Override
    public void restore(OptimizerState state) {
        steps = buffers.restore(state);
    }
}
