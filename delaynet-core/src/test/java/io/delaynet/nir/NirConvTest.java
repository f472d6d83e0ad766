package io.delaynet.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIR's Conv2d, SumPool2d and Flatten nodes, written by our writer, read back and run, compute
 * what a plain reference computes: the input copied into an explicitly zero-padded array, then
 * the sums written out for every output element.
 */
class NirConvTest {
    @TempDir
    Path tmp;

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    /** x (C, H, W) zero-padded by (top, bottom, left, right): [c][row][col]. */
    private static double[][][] padded(double[] x, int c, int h, int w, int top, int bottom, int left, int right) {
        double[][][] p = new double[c][h + top + bottom][w + left + right];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    p[k][i + top][j + left] = x[(k * h + i) * w + j];
                }
            }
        }
        return p;
    }

    /** The reference convolution of padded input p; weight (co, cin/groups, kh, kw) flat. */
    private static double[] reference(double[][][] p, double[] weight, double[] bias, int co, int groups, int kh, int kw,
                                      int sh, int sw, int dh, int dw, int ho, int wo) {
        int cin = p.length;
        int cg = cin / groups;
        double[] y = new double[co * ho * wo];
        for (int o = 0; o < co; o++) {
            int g = o / (co / groups);
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    double s = bias[o];
                    for (int c = 0; c < cg; c++) {
                        for (int a = 0; a < kh; a++) {
                            for (int b = 0; b < kw; b++) {
                                s += weight[((o * cg + c) * kh + a) * kw + b] * p[g * cg + c][i * sh + a * dh][j * sw + b * dw];
                            }
                        }
                    }
                    y[(o * ho + i) * wo + j] = s;
                }
            }
        }
        return y;
    }

    private static NirTensor ints(int... v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return NirTensor.vector(d);
    }

    private static NirTensor scalar(double v) {
        return new NirTensor(new double[] {v}, new int[0]);
    }

    private NirGraph written(NirGraph g, String name) {
        Path file = tmp.resolve(name + ".nir");
        NirFile.write(g, file);
        return NirFile.read(file);
    }

    @Test
    void groupedStridedDilatedPaddedConvolutionThenSumPoolThenFlattenMatchTheReference() {
        // input (4, 7, 9); conv: 6 out, groups 2, kernel 3 x 2, stride (2, 1), padding (1, 2), dilation (1, 2)
        SplittableRandom r = new SplittableRandom(3);
        double[] weight = random(r, 6 * 2 * 3 * 2);
        double[] bias = random(r, 6);
        int ho = (7 + 2 - 2 - 1) / 2 + 1; // 4
        int wo = (9 + 4 - 2 - 1) / 1 + 1; // 11
        Map<String, NirTensor> conv = new LinkedHashMap<>();
        conv.put("weight", new NirTensor(weight, new int[] {6, 2, 3, 2}));
        conv.put("bias", NirTensor.vector(bias));
        conv.put("stride", ints(2, 1));
        conv.put("padding", ints(1, 2));
        conv.put("dilation", ints(1, 2));
        conv.put("groups", scalar(2));
        conv.put("input_shape", ints(7, 9));
        Map<String, NirTensor> pool = Map.of("kernel_size", ints(2, 3), "stride", ints(1, 2), "padding", ints(0, 1));
        int po = ho - 2 + 1; // 3
        int pw = (wo + 2 - 3) / 2 + 1; // 6
        NirGraph g = written(NirGraph.of(List.of(
                new NirNode("in", "Input", Map.of("shape", ints(4, 7, 9))),
                new NirNode("conv", "Conv2d", conv),
                new NirNode("pool", "SumPool2d", pool),
                new NirNode("flat", "Flatten", Map.of("start_dim", scalar(0), "end_dim", scalar(-1))),
                new NirNode("out", "Output", Map.of("shape", ints(6 * po * pw)))),
                List.of(new NirGraph.Edge("in", "conv"), new NirGraph.Edge("conv", "pool"), new NirGraph.Edge("pool", "flat"),
                        new NirGraph.Edge("flat", "out")), Map.of()), "conv");
        assertArrayEquals(new int[] {6, 2, 3, 2}, g.node("conv").require("weight").shape());
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(1e-3));
        assertEquals(4 * 7 * 9, sim.inputSize());
        assertEquals(6 * po * pw, sim.outputSize());
        for (int s = 0; s < 3; s++) {
            double[] x = random(r, 4 * 7 * 9);
            sim.step(x);
            double[] c = reference(padded(x, 4, 7, 9, 1, 1, 2, 2), weight, bias, 6, 2, 3, 2, 2, 1, 1, 2, ho, wo);
            assertArrayEquals(c, sim.output("conv"), 1e-12, "conv, sample " + s);
            double[] ones = new double[6 * 2 * 3];
            java.util.Arrays.fill(ones, 1);
            double[] p = reference(padded(c, 6, ho, wo, 0, 0, 1, 1), ones, new double[6], 6, 6, 2, 3, 1, 2, 1, 1, po, pw);
            assertArrayEquals(p, sim.outputs(), 1e-12, "pool, sample " + s);
        }
    }

    @Test
    void samePaddingAFlatInputWithInputShapeAndShapesThroughANeuronNode() {
        SplittableRandom r = new SplittableRandom(5);
        double[] weight = random(r, 3 * 2 * 4 * 3);
        Map<String, NirTensor> conv = new LinkedHashMap<>();
        conv.put("weight", new NirTensor(weight, new int[] {3, 2, 4, 3}));
        conv.put("input_shape", ints(5, 6));
        Map<String, NirTensor> lif = new LinkedHashMap<>();
        lif.put("tau", scalar(2e-3));
        lif.put("r", scalar(1));
        lif.put("v_leak", scalar(0));
        lif.put("v_threshold", scalar(0.3));
        NirGraph g = written(NirGraph.of(List.of(
                new NirNode("in", "Input", Map.of("shape", ints(60))),
                new NirNode("conv", "Conv2d", conv, Map.of(), Map.of("padding", "same")),
                new NirNode("lif", "LIF", lif),
                new NirNode("pool", "SumPool2d", Map.of("kernel_size", ints(5, 2))),
                new NirNode("out", "Output", Map.of())),
                List.of(new NirGraph.Edge("in", "conv"), new NirGraph.Edge("conv", "lif"), new NirGraph.Edge("lif", "pool"),
                        new NirGraph.Edge("pool", "out")), Map.of()), "same");
        assertEquals("same", g.node("conv").text().get("padding"));
        NirSimulation sim = NirSimulation.build(g, NirSimulation.Options.exact(1e-3));
        assertEquals(3 * 1 * 3, sim.outputSize());
        int spikes = 0;
        for (int s = 0; s < 6; s++) {
            double[] x = random(r, 60);
            sim.step(x);
            // 'same' for a 4 x 3 kernel pads 3 rows (1 before, 2 after) and 2 columns (1 each side)
            double[] c = reference(padded(x, 2, 5, 6, 1, 2, 1, 1), weight, new double[3], 3, 1, 4, 3, 1, 1, 1, 1, 5, 6);
            assertArrayEquals(c, sim.output("conv"), 1e-12, "conv, step " + s);
            double[] z = sim.output("lif");
            double[] ones = new double[3 * 5 * 2];
            java.util.Arrays.fill(ones, 1);
            assertArrayEquals(reference(padded(z, 3, 5, 6, 0, 0, 0, 0), ones, new double[3], 3, 3, 5, 2, 5, 2, 1, 1, 1, 3),
                    sim.outputs(), 1e-12, "pool, step " + s);
            for (double v : z) {
                spikes += v != 0 ? 1 : 0;
            }
        }
        assertTrue(spikes > 0, "the LIF layer never spiked");
    }

    @Test
    void shapesThatDoNotFitAreOneLineErrorsNamingTheNode() {
        Map<String, NirTensor> conv = Map.of("weight", new NirTensor(new double[3 * 2 * 2 * 2], new int[] {3, 2, 2, 2}));
        NirGraph wrongChannels = NirGraph.of(List.of(new NirNode("in", "Input", Map.of("shape", ints(3, 4, 4))),
                new NirNode("c1", "Conv2d", conv), new NirNode("out", "Output", Map.of())),
                List.of(new NirGraph.Edge("in", "c1"), new NirGraph.Edge("c1", "out")), Map.of());
        NirException e = assertThrows(NirException.class, () -> NirSimulation.build(wrongChannels,
                NirSimulation.Options.exact(1e-3)));
        assertTrue(e.getMessage().contains("'c1'") && e.getMessage().contains("Conv2d"), e.getMessage());
        NirGraph flatPool = NirGraph.of(List.of(new NirNode("in", "Input", Map.of("shape", ints(16))),
                new NirNode("p", "SumPool2d", Map.of("kernel_size", ints(2, 2))), new NirNode("out", "Output", Map.of())),
                List.of(new NirGraph.Edge("in", "p"), new NirGraph.Edge("p", "out")), Map.of());
        e = assertThrows(NirException.class, () -> NirSimulation.build(flatPool, NirSimulation.Options.exact(1e-3)));
        assertTrue(e.getMessage().contains("'p'") && e.getMessage().contains("SumPool2d") && !e.getMessage().contains("\n"),
                e.getMessage());
        NirGraph badMode = NirGraph.of(List.of(new NirNode("in", "Input", Map.of("shape", ints(2, 4, 4))),
                new NirNode("c2", "Conv2d", conv, Map.of(), Map.of("padding", "full")), new NirNode("out", "Output", Map.of())),
                List.of(new NirGraph.Edge("in", "c2"), new NirGraph.Edge("c2", "out")), Map.of());
        e = assertThrows(NirException.class, () -> NirSimulation.build(badMode, NirSimulation.Options.exact(1e-3)));
        assertTrue(e.getMessage().contains("'c2'") && e.getMessage().contains("full"), e.getMessage());
    }
}
