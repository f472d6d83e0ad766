package io.delaynet.nir;

import java.util.Arrays;

/**
 * NIR's spatial nodes, stateless maps of a (channels, height, width) tensor stored row-major
 * (index {@code (c * H + y) * W + x}, numpy's C order), as NIR and PyTorch lay them out:
 * <ul>
 *   <li>{@code Conv2d}: {@code weight} (C_out, C_in / groups, kh, kw), {@code bias} (C_out),
 *       {@code stride}, {@code padding} (numbers, or the string "same" / "valid"),
 *       {@code dilation} (each an int or a pair), {@code groups}, {@code input_shape} (H, W);
 *       {@code y[o, i, j] = bias[o] + sum_{c, a, b} w[o, c, a, b] x[g(o) + c, i s_h - p_h + a d_h,
 *       j s_w - p_w + b d_w]}, zero outside the input (PyTorch's cross-correlation).</li>
 *   <li>{@code SumPool2d}: {@code kernel_size}, {@code stride}, {@code padding} (pairs):
 *       {@code y[c, i, j] = sum_{a, b} x[c, i s_h - p_h + a, j s_w - p_w + b]}.</li>
 *   <li>{@code Flatten}: {@code start_dim}, {@code end_dim}, {@code input_type}: the values are
 *       unchanged (row-major flattening keeps their order); only the shape changes.</li>
 * </ul>
 * Output sizes are PyTorch's: {@code floor((H + 2 p - d (k - 1) - 1) / s) + 1}; "same" pads
 * {@code d (k - 1)} in total, the smaller half before (stride 1 only, as in PyTorch).
 */
final class NirConv {
    private NirConv() {
    }

    /** Whether {@code type} is one of the nodes built here. */
    static boolean handles(String type) {
        return type.equals("Conv2d") || type.equals("SumPool2d") || type.equals("Flatten");
    }

    static NirKernel compile(NirNode node, int[] inShape) {
        return switch (node.type()) {
            case "Conv2d" -> conv(node, inShape);
            case "SumPool2d" -> pool(node, inShape);
            default -> flatten(node, inShape);
        };
    }

    private static int product(int[] s) {
        int n = 1;
        for (int v : s) {
            n *= v;
        }
        return n;
    }

    private static NirException bad(NirNode node, String why, String hint) {
        return new NirException("NIR node '" + node.name() + "' (" + node.type() + ") " + why, hint);
    }

    /** An int or a pair: the parameter's two values (a missing one is {@code fallback}). */
    private static int[] pair(NirNode node, String key, int[] fallback) {
        NirTensor t = node.parameters().get(key);
        if (t == null) {
            if (fallback == null) {
                node.require(key);
            }
            return fallback.clone();
        }
        double[] v = t.values();
        if (v.length != 1 && v.length != 2) {
            throw bad(node, "has " + key + " of " + v.length + " values", "give an int or a pair (height, width)");
        }
        int[] out = {(int) v[0], (int) v[v.length - 1]};
        for (int k = 0; k < 2; k++) {
            if (out[k] != v[Math.min(k, v.length - 1)] || out[k] < 0) {
                throw bad(node, "has " + key + " " + Arrays.toString(v), "sizes are whole numbers >= 0");
            }
        }
        return out;
    }

    /**
     * The input as (C, H, W): the incoming shape where it is 3-d, else (for a flat input)
     * {@code spatial} = (H, W) with C = n / (H W).
     */
    private static int[] chw(NirNode node, int[] inShape, int[] spatial) {
        int n = product(inShape);
        if (inShape.length == 3) {
            if (spatial != null && (spatial[0] != inShape[1] || spatial[1] != inShape[2])) {
                throw bad(node, "has input_shape " + Arrays.toString(spatial) + " but is fed " + Arrays.toString(inShape),
                        "input_shape is the (height, width) of the input");
            }
            return inShape.clone();
        }
        if (spatial == null || spatial[0] * spatial[1] == 0 || n % (spatial[0] * spatial[1]) != 0) {
            throw bad(node, "is fed " + n + " values without a (channels, height, width) shape",
                    "feed it from an Input, Conv2d or SumPool2d with a 3-d shape, or give input_shape (H, W)");
        }
        return new int[] {n / (spatial[0] * spatial[1]), spatial[0], spatial[1]};
    }

    private static int outSize(int in, int pad, int dilation, int kernel, int stride) {
        return Math.floorDiv(in + 2 * pad - dilation * (kernel - 1) - 1, stride) + 1;
    }

    private static NirKernel conv(NirNode node, int[] inShape) {
        NirTensor w = node.require("weight");
        if (w.rank() != 4) {
            throw bad(node, "has weight of rank " + w.rank(), "a Conv2d weight is (C_out, C_in / groups, kh, kw)");
        }
        int co = w.shape()[0];
        int cg = w.shape()[1];
        int kh = w.shape()[2];
        int kw = w.shape()[3];
        int groups = node.parameters().containsKey("groups") ? (int) node.require("groups").values()[0] : 1;
        NirTensor spatial = node.parameters().get("input_shape");
        int[] hw = spatial == null ? null : pair(node, "input_shape", null);
        int[] in = chw(node, inShape, hw);
        if (groups < 1 || in[0] != cg * groups || co % groups != 0) {
            throw bad(node, "takes " + cg + " x " + groups + " channels (groups " + groups + ", " + co + " out) but is fed "
                    + in[0], "the weight is (C_out, C_in / groups, kh, kw) and groups divides C_out");
        }
        int[] stride = pair(node, "stride", new int[] {1, 1});
        int[] dilation = pair(node, "dilation", new int[] {1, 1});
        int[] before;
        int[] out;
        String mode = node.text().get("padding");
        if (mode != null) {
            if (mode.equals("valid")) {
                before = new int[] {0, 0};
                out = new int[] {co, outSize(in[1], 0, dilation[0], kh, stride[0]), outSize(in[2], 0, dilation[1], kw, stride[1])};
            } else if (mode.equals("same")) {
                if (stride[0] != 1 || stride[1] != 1) {
                    throw bad(node, "has padding 'same' with stride " + Arrays.toString(stride), "'same' needs stride 1");
                }
                before = new int[] {dilation[0] * (kh - 1) / 2, dilation[1] * (kw - 1) / 2};
                out = new int[] {co, in[1], in[2]};
            } else {
                throw bad(node, "has padding '" + mode + "'", "padding is numbers, 'same' or 'valid'");
            }
        } else {
            before = pair(node, "padding", new int[] {0, 0});
            out = new int[] {co, outSize(in[1], before[0], dilation[0], kh, stride[0]),
                    outSize(in[2], before[1], dilation[1], kw, stride[1])};
        }
        if (stride[0] < 1 || stride[1] < 1 || dilation[0] < 1 || dilation[1] < 1 || out[1] < 1 || out[2] < 1) {
            throw bad(node, "gives an output of " + Arrays.toString(out) + " for input " + Arrays.toString(in)
                    + " (stride " + Arrays.toString(stride) + ", dilation " + Arrays.toString(dilation) + ")",
                    "strides and dilations are >= 1 and the kernel fits the padded input");
        }
        double[] bias = node.perNeuron("bias", co, 0.0);
        return new Conv(in, out, w.values(), cg, kh, kw, groups, stride, dilation, before, bias);
    }

    private static NirKernel pool(NirNode node, int[] inShape) {
        int[] in = chw(node, inShape, null);
        int[] k = pair(node, "kernel_size", null);
        int[] stride = pair(node, "stride", k);
        int[] pad = pair(node, "padding", new int[] {0, 0});
        int[] out = {in[0], outSize(in[1], pad[0], 1, k[0], stride[0]), outSize(in[2], pad[1], 1, k[1], stride[1])};
        if (k[0] < 1 || k[1] < 1 || stride[0] < 1 || stride[1] < 1 || out[1] < 1 || out[2] < 1) {
            throw bad(node, "gives an output of " + Arrays.toString(out) + " for input " + Arrays.toString(in),
                    "kernel sizes and strides are >= 1 and the kernel fits the padded input");
        }
        // a sum pool is the convolution with a one per channel and window position (groups = channels)
        double[] w = new double[in[0] * k[0] * k[1]];
        Arrays.fill(w, 1);
        return new Conv(in, out, w, 1, k[0], k[1], in[0], stride, new int[] {1, 1}, pad, new double[in[0]]);
    }

    private static NirKernel flatten(NirNode node, int[] inShape) {
        int[] shape = inShape;
        NirTensor declared = node.parameters().get("input_type");
        if (declared != null) {
            int[] d = new int[declared.size()];
            for (int k = 0; k < d.length; k++) {
                d[k] = (int) declared.values()[k];
            }
            if (product(d) != product(inShape)) {
                throw bad(node, "declares input_type " + Arrays.toString(d) + " but is fed " + product(inShape) + " values",
                        "the file is inconsistent");
            }
            shape = d;
        }
        int rank = shape.length;
        int start = node.parameters().containsKey("start_dim") ? (int) node.require("start_dim").values()[0] : 1; // NIR's default
        int end = node.parameters().containsKey("end_dim") ? (int) node.require("end_dim").values()[0] : -1;
        start = start < 0 ? start + rank : start;
        end = end < 0 ? end + rank : end;
        if (rank == 0 || start < 0 || end >= rank || start > end) {
            if (rank <= 1) {
                return new Flat(shape.length == 0 ? new int[] {product(inShape)} : shape);
            }
            throw bad(node, "flattens dimensions " + start + " to " + end + " of a rank-" + rank + " input",
                    "0 <= start_dim <= end_dim < rank (negative ones count from the end)");
        }
        int[] out = new int[rank - (end - start)];
        int at = 0;
        for (int k = 0; k < start; k++) {
            out[at++] = shape[k];
        }
        int middle = 1;
        for (int k = start; k <= end; k++) {
            middle *= shape[k];
        }
        out[at++] = middle;
        for (int k = end + 1; k < rank; k++) {
            out[at++] = shape[k];
        }
        return new Flat(out);
    }

    /** Flatten: the values as they come, under a new shape. */
    private record Flat(int[] shape) implements NirKernel {
        public int inputSize() {
            return product(shape);
        }

        public int outputSize() {
            return product(shape);
        }

        public int[] outputShape(int[] in) {
            return shape.clone();
        }

        public void step(double[] in, double[] out) {
            System.arraycopy(in, 0, out, 0, out.length);
        }
    }

    /** A grouped, strided, dilated, zero-padded 2-d cross-correlation (plain loops). */
    private record Conv(int[] in, int[] out, double[] w, int cg, int kh, int kw, int groups, int[] stride, int[] dilation,
                        int[] pad, double[] bias) implements NirKernel {
        public int inputSize() {
            return product(in);
        }

        public int outputSize() {
            return product(out);
        }

        public int[] outputShape(int[] ignored) {
            return out.clone();
        }

        public void step(double[] x, double[] y) {
            int h = in[1];
            int wd = in[2];
            int perGroup = out[0] / groups;
            for (int o = 0; o < out[0]; o++) {
                int first = (o / perGroup) * cg;
                for (int i = 0; i < out[1]; i++) {
                    for (int j = 0; j < out[2]; j++) {
                        double s = bias[o];
                        for (int c = 0; c < cg; c++) {
                            int plane = (first + c) * h;
                            for (int a = 0; a < kh; a++) {
                                int row = i * stride[0] - pad[0] + a * dilation[0];
                                if (row < 0 || row >= h) {
                                    continue;
                                }
                                int base = ((o * cg + c) * kh + a) * kw;
                                for (int b = 0; b < kw; b++) {
                                    int col = j * stride[1] - pad[1] + b * dilation[1];
                                    if (col >= 0 && col < wd) {
                                        s += w[base + b] * x[(plane + row) * wd + col];
                                    }
                                }
                            }
                        }
                        y[(o * out[1] + i) * out[2] + j] = s;
                    }
                }
            }
        }
    }
}
