package io.delaynet.nir;

import io.delaynet.delay.DelayKind;
import io.delaynet.model.Connection;
import io.delaynet.model.DelayRealisation;
import io.delaynet.model.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The inverse of {@link NirSpatial}: a {@code Conv2d} between two neuron nodes becomes a
 * {@link Topology.Conv2d} projection, a {@code SumPool2d} (optionally followed by a {@code Scale}
 * of one value) a {@link Topology.SumPool2d} one. Only what the engine has is accepted (valid,
 * stride 1, undilated, ungrouped, square, bias-free convolutions; non-overlapping square pools
 * without padding); anything else is a one-line error naming the node. An identity Scale marked
 * {@code delaynet.neuron = pass_through} is a population without neurons, where projections end and
 * start. The (C, H, W) shape of a pool's source comes from the Input's shape or from the spatial
 * projection into the source.
 */
final class NirSpatialImport {
    private NirSpatialImport() {
    }

    /** Whether {@code n} is a spatial node import understands (on a projection's path). */
    static boolean handles(NirNode n) {
        return Set.of("Conv2d", "SumPool2d", "Scale", "Flatten").contains(n.type()) && !passThrough(n);
    }

    /** Whether a projection whose last node is {@code n} is spatial. */
    static boolean starts(NirNode n) {
        return Set.of("Conv2d", "SumPool2d", "Scale").contains(n.type()) && !passThrough(n);
    }

    /**
     * Whether {@code n} is the identity Scale that {@link NirExport} writes for a population without
     * neurons: a population endpoint, not a step of a projection.
     */
    static boolean passThrough(NirNode n) {
        return n.type().equals("Scale") && NirNames.PASS_THROUGH.equals(n.metadata().get(NirNames.NEURON));
    }

    private static NirException bad(NirNode n, String why, String hint) {
        return new NirException("NIR node '" + n.name() + "' (" + n.type() + ") " + why, hint);
    }

    private static int[] ints(NirNode n, String key, int[] fallback) {
        NirTensor t = n.parameters().get(key);
        if (t == null) {
            return fallback;
        }
        double[] v = t.values();
        int[] out = new int[v.length == 1 ? 2 : v.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) v[Math.min(k, v.length - 1)];
        }
        return out;
    }

    private static String only(NirGraph g, NirNode n) {
        List<String> src = g.sources(n.name());
        if (src.size() != 1) {
            throw bad(n, "has " + src.size() + " sources", "a spatial projection has one source");
        }
        return src.get(0);
    }

    static Connection projection(NirGraph g, String last, NirNode to, int post, double[] gain, Set<String> names,
                                 Set<String> neurons) {
        NirNode node = g.node(last);
        double scale = 1;
        if (node.type().equals("Scale")) {
            double[] s = node.require("scale").values();
            for (double v : s) {
                if (v != s[0]) {
                    throw bad(node, "scales its channels differently", "the engine's pool has one fixed weight");
                }
            }
            scale = s[0];
            node = g.node(only(g, node));
            if (!node.type().equals("SumPool2d")) {
                throw bad(g.node(last), "follows a " + node.type(), "import reads a Scale only after a SumPool2d");
            }
        }
        String from = only(g, node);
        NirNode source = g.node(from);
        if (!source.type().equals("Input") && !neurons.contains(from)) {
            throw bad(node, "is fed by '" + from + "' (" + source.type() + ")", "spatial projections start at the Input or a neuron node");
        }
        double g0 = gain[0];
        for (double v : gain) {
            if (v != g0) {
                throw new NirException("NIR node '" + to.name() + "' has input gains varying across neurons behind the "
                        + "shared weights of '" + node.name() + "'", "give a population fed by a convolution one gain");
            }
        }
        Topology topology;
        double[] w;
        int pre;
        if (node.type().equals("Conv2d")) {
            NirTensor wt = node.require("weight");
            int[] s = wt.shape();
            if (s.length != 4 || s[2] != s[3]) {
                throw bad(node, "has weight " + Arrays.toString(s), "the engine's convolutions have square (out, in, k, k) kernels");
            }
            if (!Arrays.equals(ints(node, "stride", new int[] {1, 1}), new int[] {1, 1})
                    || !Arrays.equals(ints(node, "dilation", new int[] {1, 1}), new int[] {1, 1})
                    || ints(node, "groups", new int[] {1, 1})[0] != 1
                    || (node.text().containsKey("padding") ? !node.text().get("padding").equals("valid")
                    : !Arrays.equals(ints(node, "padding", new int[] {0, 0}), new int[] {0, 0}))) {
                throw bad(node, "is strided, dilated, grouped or padded", "the engine's convolutions are valid, stride 1, "
                        + "dilation 1, groups 1");
            }
            for (double b : node.perNeuron("bias", s[0], 0.0)) {
                if (b != 0) {
                    throw bad(node, "has bias " + b, "the engine's convolutions have no bias");
                }
            }
            int[] hw = ints(node, "input_shape", null);
            int[] image = hw == null ? image(g, source) : new int[] {s[1], hw[0], hw[1]};
            topology = new Topology.Conv2d(s[1], image[1], image[2], s[0], s[2]);
            w = wt.values().clone();
            for (int k = 0; k < w.length; k++) {
                w[k] *= g0;
            }
            pre = s[1] * image[1] * image[2];
        } else {
            int[] k = ints(node, "kernel_size", null);
            if (k == null || k[0] != k[1] || !Arrays.equals(ints(node, "stride", k), k)
                    || !Arrays.equals(ints(node, "padding", new int[] {0, 0}), new int[] {0, 0})) {
                throw bad(node, "is not a square pool with stride = kernel_size and no padding", "the engine pools "
                        + "non-overlapping size x size windows");
            }
            int[] image = image(g, source);
            topology = new Topology.SumPool2d(image[0], image[1], image[2], k[0]);
            w = new double[] {scale * g0};
            pre = image[0] * image[1] * image[2];
        }
        String name = node.name().endsWith(".conv") || node.name().endsWith(".pool")
                ? node.name().substring(0, node.name().length() - 5) : node.name();
        while (!names.add(name)) {
            name = name + "'";
        }
        try {
            return new Connection(name, from, to.name(), pre, post, w, DelayKind.NONE, new double[0],
                    new DelayRealisation.Linear(), false, topology);
        } catch (IllegalArgumentException e) {
            throw bad(node, "does not fit its populations: " + e.getMessage(), "check the shapes along the path");
        }
    }

    /**
     * The Conv2d, SumPool2d or Scale node among the sources of population node {@code p} (or of
     * its filtered LIF's current node); a one-line error where none feeds it.
     */
    private static NirNode spatialSource(NirGraph g, NirNode p) {
        NirNode at = p;
        for (int depth = 0; depth < 2; depth++) {
            NirNode current = null;
            for (String s : g.sources(at.name())) {
                NirNode n = g.node(s);
                if (starts(n)) {
                    return n;
                }
                if (NirFilteredLif.marked(n) && n.type().equals("LI")) {
                    current = n;
                }
            }
            if (current == null) {
                break;
            }
            at = current;
        }
        throw bad(p, "has no (C, H, W) shape", "a pool reads the Input or a population fed by a Conv2d or SumPool2d");
    }

    /** The (C, H, W) of a pool's or convolution's source: the Input's shape, or what the spatial node into it gives. */
    private static int[] image(NirGraph g, NirNode source) {
        if (source.type().equals("Input")) {
            double[] s = source.require("shape").values();
            if (s.length == 3) {
                return new int[] {(int) s[0], (int) s[1], (int) s[2]};
            }
            throw bad(source, "has shape " + Arrays.toString(s), "a pool of the input needs a (C, H, W) input shape");
        }
        NirNode at = spatialSource(g, source);
        if (at.type().equals("Scale")) {
            at = g.node(only(g, at));
        }
        NirNode src = g.node(only(g, at));
        if (at.type().equals("Conv2d")) {
            int[] s = at.require("weight").shape();
            int[] hw = ints(at, "input_shape", null);
            int[] in = hw == null ? image(g, src) : new int[] {s[1], hw[0], hw[1]};
            return new int[] {s[0], in[1] - s[2] + 1, in[2] - s[3] + 1};
        }
        int[] in = image(g, src);
        int k = ints(at, "kernel_size", null)[0];
        return new int[] {in[0], in[1] / k, in[2] / k};
    }
}
