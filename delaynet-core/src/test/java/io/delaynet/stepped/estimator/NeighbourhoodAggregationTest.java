package io.delaynet.stepped.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.stepped.neuron.CubaLifParams;
import io.delaynet.stepped.neuron.CubaLifState;
import io.delaynet.stepped.neuron.FilteredLifParams;
import io.delaynet.stepped.neuron.LeakyIntegratorParams;
import io.delaynet.stepped.neuron.LifParams;
import io.delaynet.stepped.neuron.LifState;
import io.delaynet.stepped.neuron.NeuronModel;
import io.delaynet.stepped.neuron.NeuronState;
import io.delaynet.stepped.neuron.SrmParams;
import io.delaynet.stepped.surrogate.SpikeFunction;
import io.delaynet.stepped.surrogate.Surrogate;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Neighbourhood aggregation against brute force: every flip is re-done by running the neuron
 * model's own step function over the whole window with the spike at k forced to its opposite
 * (and the membrane after k set as the flip leaves it), and the formula is applied by hand.
 */
class NeighbourhoodAggregationTest {
    private static final SpikeFunction SPIKE = new SpikeFunction.Threshold(new Surrogate.Exponential(1, 1));
    private static final int N = 6;
    private static final int T = 8;

    static Stream<NeuronModel> models() {
        return Stream.of(new FilteredLifParams(2, 5, 1, true), new FilteredLifParams(3, 2, 1, true),
                LifParams.ofBeta(0.8, 1, LifParams.Reset.ZERO, true),
                LifParams.ofBeta(0.9, 1, LifParams.Reset.SUBTRACT, true),
                new CubaLifParams(2, 4, 1, LifParams.Reset.ZERO, true),
                new CubaLifParams(3, 6, 1, LifParams.Reset.SUBTRACT, true));
    }

    /** A recorded window of n neurons driven by strong random input, so that they spike several times. */
    static LayerWindow window(NeuronModel model, long seed, int n, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * steps];
        double scale = model instanceof FilteredLifParams f ? f.tauSyn() : 1;
        for (int k = 0; k < x.length; k++) {
            x[k] = scale * (0.9 * r.nextGaussian() + 0.45);
        }
        double[] u = new double[n * steps];
        double[] s = new double[n * steps];
        model.run(model.newState(n), x, steps, u, s, SPIKE);
        return new LayerWindow(model, n, steps, x, u, s, SPIKE);
    }

    /** Neuron j's spike train when the spike at step k is flipped, by a full re-simulation of the layer. */
    static double[] bruteForceFlip(LayerWindow w, int j, int k) {
        int n = w.size();
        NeuronModel m = w.neuron();
        NeuronState state = m.newState(n);
        double[] u = new double[n * w.steps()];
        double[] s = new double[n * w.steps()];
        for (int t = 0; t < w.steps(); t++) {
            m.step(state, w.input(), t * n, u, s, SPIKE);
            if (t == k) {
                double old = w.output()[k * n + j];
                s[k * n + j] = 1 - old;
                potential(state)[j] = m.threshold() * old; // removed: left at theta; added: reset to zero
            }
        }
        double[] column = new double[w.steps()];
        for (int t = 0; t < w.steps(); t++) {
            column[t] = s[t * n + j];
        }
        return column;
    }

    private static double[] potential(NeuronState state) {
        return switch (state) {
            case LifState l -> l.potential();
            case CubaLifState c -> c.potential();
            default -> throw new IllegalArgumentException();
        };
    }

    /** The neuron's current decay and input gain (dL/dx = gain * reverse filter of dL/dI). */
    private static double[] filter(NeuronModel m) {
        return switch (m) {
            case FilteredLifParams f -> new double[] {f.alpha(), f.gain()};
            case CubaLifParams c -> new double[] {c.alpha(), 1};
            default -> new double[] {0, 1};
        };
    }

    /** Undoes the current filter's adjoint: dL/dI from the estimator's dL/dx. */
    static double[] currentGradient(NeuronModel m, double[] gradInput, int n, int steps) {
        double alpha = filter(m)[0];
        double gain = filter(m)[1];
        double[] delta = new double[n * steps];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < n; j++) {
                double next = t + 1 < steps ? gradInput[(t + 1) * n + j] : 0;
                delta[t * n + j] = (gradInput[t * n + j] - alpha * next) / gain;
            }
        }
        return delta;
    }

    static double[] randomGradient(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] g = new double[size];
        for (int k = 0; k < size; k++) {
            g[k] = r.nextGaussian();
        }
        return g;
    }

    private static double[] estimate(NeighbourhoodAggregation na, LayerWindow w, double[] g, BackwardContext context) {
        double[] out = new double[w.size() * w.steps()];
        na.backward(w, g, out, w.neuron().newState(w.size()), context);
        return out;
    }

    @ParameterizedTest
    @MethodSource("models")
    void eachTermIsTheBruteForceLossChangeOverTheDistance(NeuronModel model) {
        LayerWindow w = window(model, 7, N, T);
        double[] g = randomGradient(8, N * T);
        NeighbourhoodAggregation na = new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.INVERSE,
                Double.POSITIVE_INFINITY, false, false);
        double[] delta = currentGradient(model, estimate(na, w, g, new BackwardContext()), N, T);
        int cascades = 0;
        for (int j = 0; j < N; j++) {
            for (int k = 0; k < T; k++) {
                double[] flipped = bruteForceFlip(w, j, k);
                double change = 0;
                int changed = 0;
                for (int t = 0; t < T; t++) {
                    double ds = flipped[t] - w.output()[t * N + j];
                    change += g[t * N + j] * ds; // the loss is linear in s: first order is exact
                    changed += ds != 0 ? 1 : 0;
                }
                cascades += changed > 1 ? 1 : 0;
                double distance = model.threshold() - w.membrane()[k * N + j];
                assertEquals(change, delta[k * N + j] * distance, 1e-9 * (1 + Math.abs(change)),
                        "neuron " + j + ", step " + k);
            }
        }
        assertTrue(cascades >= 3, "too few flips moved later spikes for the cascade to be tested: " + cascades);
    }

    @Test
    void releasedCodeAccumulatesTheErrorThroughTheFilter() {
        FilteredLifParams model = new FilteredLifParams(2, 5, 1, true);
        LayerWindow w = window(model, 17, N, T);
        double[] g = randomGradient(18, N * T);
        NeighbourhoodAggregation na = new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.INVERSE,
                Double.POSITIVE_INFINITY, false, true);
        double[] delta = currentGradient(model, estimate(na, w, g, new BackwardContext()), N, T);
        for (int j = 0; j < N; j++) {
            double[] accumulated = new double[T];
            double carried = 0;
            for (int t = T - 1; t >= 0; t--) {
                carried = g[t * N + j] + model.alpha() * carried;
                accumulated[t] = carried;
            }
            for (int k = 0; k < T; k++) {
                double[] flipped = bruteForceFlip(w, j, k);
                double change = 0;
                for (int t = 0; t < T; t++) {
                    change += accumulated[t] * (flipped[t] - w.output()[t * N + j]);
                }
                double distance = model.threshold() - w.membrane()[k * N + j];
                assertEquals(change, delta[k * N + j] * distance, 1e-9 * (1 + Math.abs(change)));
            }
        }
    }

    /** Cubic clipped weighting, normalisation against the output layer and the filter's adjoint, by hand. */
    @Test
    void cubicWeightingAndLayerNormalisationAsTheReleasedCode() {
        FilteredLifParams model = new FilteredLifParams(2, 5, 1, true);
        NeighbourhoodAggregation na = new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.CUBIC, 5, true,
                false);
        BackwardContext context = new BackwardContext();
        LayerWindow output = window(model, 27, 3, 5);
        LayerWindow hidden = window(model, 28, 4, 5);
        double[] gOut = randomGradient(29, 3 * 5);
        double[] gHidden = randomGradient(30, 4 * 5);
        double[] expectedOut = byHand(output, gOut, Double.NaN);
        double outputScale = meanAbs(rawEstimate(output, gOut));
        double[] gotOut = estimate(na, output, gOut, context);
        assertArrayEquals(expectedOut, gotOut, 1e-12);
        assertEquals(outputScale, context.outputErrorScale(), 1e-15);
        assertArrayEquals(byHand(hidden, gHidden, outputScale), estimate(na, hidden, gHidden, context), 1e-12);
        boolean clipped = false;
        for (double u : output.membrane()) {
            clipped |= Math.abs(1 / Math.pow(1 - u, 3)) > 5;
        }
        assertTrue(clipped, "no weighting reached the clip");
    }

    /** delta[k] = dL_k * clamp(1 / (theta - u[k])^3, -5, 5), from brute-force flips. */
    private static double[] rawEstimate(LayerWindow w, double[] g) {
        int n = w.size();
        double[] delta = new double[n * w.steps()];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < w.steps(); k++) {
                double[] flipped = bruteForceFlip(w, j, k);
                double change = 0;
                for (int t = 0; t < w.steps(); t++) {
                    change += g[t * n + j] * (flipped[t] - w.output()[t * n + j]);
                }
                double d = w.neuron().threshold() - w.membrane()[k * n + j];
                delta[k * n + j] = change * Math.max(-5, Math.min(5, 1 / (d * d * d)));
            }
        }
        return delta;
    }

    private static double meanAbs(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += Math.abs(x);
        }
        return sum / v.length;
    }

    private static double[] byHand(LayerWindow w, double[] g, double outputScale) {
        double[] delta = rawEstimate(w, g);
        double mean = meanAbs(delta);
        double reference = Double.isNaN(outputScale) ? mean : outputScale;
        double factor = 1.2 * Math.log(reference / (mean + 1e-5) + 1.02);
        FilteredLifParams p = (FilteredLifParams) w.neuron();
        int n = w.size();
        double[] gx = new double[delta.length];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < w.steps(); t++) {
                double sum = 0;
                for (int t2 = t; t2 < w.steps(); t2++) {
                    sum += Math.pow(p.alpha(), t2 - t) * factor * delta[t2 * n + j];
                }
                gx[t * n + j] = p.gain() * sum;
            }
        }
        return gx;
    }

    /** Without membrane memory a flip cannot cascade: NA is the per-step secant g (s' - s) / (theta - u). */
    @Test
    void withoutMembraneMemoryEachStepIsItsOwnSecant() {
        LifParams memoryless = new LifParams(0, 1, LifParams.Reset.ZERO, true);
        LayerWindow w = window(memoryless, 37, N, T);
        double[] g = randomGradient(38, N * T);
        double[] got = estimate(new NeighbourhoodAggregation(NeighbourhoodAggregation.Weighting.INVERSE,
                Double.POSITIVE_INFINITY, false, false), w, g, new BackwardContext());
        for (int k = 0; k < N * T; k++) {
            double flip = 1 - 2 * w.output()[k];
            assertEquals(g[k] * flip / (1 - w.membrane()[k]), got[k], 1e-12);
        }
    }

    @Test
    void aReadoutIsDifferentiatedExactly() {
        LeakyIntegratorParams readout = new LeakyIntegratorParams(4);
        LayerWindow w = window(readout, 47, 3, T);
        double[] g = randomGradient(48, 3 * T);
        double[] exact = new double[3 * T];
        new SurrogateGradient(SPIKE).backward(w, g, exact, readout.newState(3), new BackwardContext());
        assertArrayEquals(exact, estimate(NeighbourhoodAggregation.releasedCode(), w, g, new BackwardContext()), 0.0);
    }

    @Test
    void refusesModelsAndSpikesItCannotFlip() {
        LayerWindow srm = window(new SrmParams(1, 3, 1, 2, true), 57, 2, 4);
        double[] g = new double[8];
        assertThrows(IllegalArgumentException.class,
                () -> estimate(NeighbourhoodAggregation.releasedCode(), srm, g, new BackwardContext()));
        LayerWindow lif = window(LifParams.ofBeta(0.8, 1, LifParams.Reset.ZERO, true), 58, 2, 4);
        LayerWindow graded = new LayerWindow(lif.neuron(), 2, 4, lif.input(), lif.membrane(), lif.output(),
                new SpikeFunction.SmoothSigmoid(0.2));
        assertThrows(IllegalStateException.class,
                () -> estimate(NeighbourhoodAggregation.releasedCode(), graded, g, new BackwardContext()));
    }
}
