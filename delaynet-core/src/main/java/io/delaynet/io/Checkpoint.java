package io.delaynet.io;

import io.delaynet.config.ConfigException;
import io.delaynet.train.EpochMetrics;
import io.delaynet.train.Optimizer;
import io.delaynet.train.OptimizerState;
import io.delaynet.train.ParameterGroup;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Everything a run needs to continue exactly where it stopped after an epoch: parameter values,
 * the optimizer's state, the method's extra state and the metrics so far. Binary (parameters can
 * number millions), with a CRC so that a damaged file is recognised instead of silently loaded.
 *
 * <p>The optimizer's state is stored generically ({@link OptimizerState}: type name, step count,
 * named buffers with one row per parameter group), so any optimizer resumes bit for bit. Layout,
 * big-endian, after the magic {@code DNCKPT02}: next epoch; parameters (count, then name and array
 * each); optimizer type, steps, buffer count, then name and rows each; extra arrays; history; CRC-32
 * of everything before it. Files of the first format ({@code DNCKPT01}, which held Adam's m, v and
 * optionally vmax in fixed places) are still read, as Adam state.
 *
 * @param nextEpoch the first epoch still to train (0-based)
 */
public record Checkpoint(int nextEpoch, Map<String, double[]> parameters, OptimizerState optimizer,
                         Map<String, double[]> extra, List<EpochMetrics> history) {
    private static final long MAGIC_V1 = 0x444E434B50543031L; // "DNCKPT01"
    private static final long MAGIC = 0x444E434B50543032L; // "DNCKPT02"

    public static Checkpoint capture(int nextEpoch, List<ParameterGroup> groups, Optimizer optimizer,
                                     Map<String, double[]> extra, List<EpochMetrics> history) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterGroup g : groups) {
            values.put(g.name(), g.values().clone());
        }
        return new Checkpoint(nextEpoch, values, optimizer.state(), new LinkedHashMap<>(extra), List.copyOf(history));
    }

    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(nextEpoch);
            writeArrays(out, parameters);
            writeString(out, optimizer.type());
            out.writeLong(optimizer.steps());
            out.writeInt(optimizer.buffers().size());
            for (Map.Entry<String, double[][]> e : optimizer.buffers().entrySet()) {
                writeString(out, e.getKey());
                writeMatrix(out, e.getValue());
            }
            writeArrays(out, extra);
            out.writeInt(history.size());
            for (EpochMetrics m : history) {
                out.writeInt(m.epoch());
                out.writeDouble(m.trainLoss());
                out.writeDouble(m.trainAccuracy());
                out.writeDouble(m.validationLoss());
                out.writeDouble(m.validationAccuracy());
                out.writeDouble(m.trainSeconds());
                out.writeDouble(m.evalSeconds());
                out.writeInt(m.skippedSteps());
            }
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 8);
        all.write(body);
        new DataOutputStream(all).writeLong(crc.getValue());
        AtomicFiles.write(file, all.toByteArray());
    }

    public static Checkpoint read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read checkpoint " + file + " (" + e.getMessage()
                    + "); is this the folder of a run started with 'delaynet train'?");
        }
        Path dir = file.getParent() == null ? file.toAbsolutePath().getParent() : file.getParent();
        String damaged = "checkpoint " + file + " is damaged or truncated; train the run again from its saved configuration "
                + "with: delaynet train --restart " + dir;
        if (all.length < 20) {
            throw new ConfigException(damaged);
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new ConfigException(damaged);
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8))) {
            long magic = in.readLong();
            if (magic != MAGIC && magic != MAGIC_V1) {
                throw new ConfigException(file + " is not a DelayNet checkpoint");
            }
            int next = in.readInt();
            Map<String, double[]> params = readArrays(in);
            OptimizerState optimizer = magic == MAGIC ? readOptimizer(in) : readAdamV1(in);
            Map<String, double[]> extra = readArrays(in);
            int n = in.readInt();
            List<EpochMetrics> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readInt()));
            }
            return new Checkpoint(next, LegacyGroupNames.upgrade(params), optimizer, LegacyGroupNames.upgrade(extra), history);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(damaged);
        }
    }

    private static OptimizerState readOptimizer(DataInputStream in) throws IOException {
        String type = readString(in);
        long steps = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > 64) {
            throw new IOException("bad buffer count " + n);
        }
        Map<String, double[][]> buffers = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            buffers.put(readString(in), readMatrix(in));
        }
        return new OptimizerState(type, steps, buffers);
    }

    /** The first format: Adam's steps, m, v, then a flag and AMSGrad's maximum, under PyTorch's names. */
    private static OptimizerState readAdamV1(DataInputStream in) throws IOException {
        long steps = in.readLong();
        Map<String, double[][]> buffers = new LinkedHashMap<>();
        buffers.put("exp_avg", readMatrix(in));
        buffers.put("exp_avg_sq", readMatrix(in));
        if (in.readBoolean()) {
            buffers.put("max_exp_avg_sq", readMatrix(in));
        }
        return new OptimizerState("adam", steps, buffers);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
            throw new IOException("bad name length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeArrays(DataOutputStream out, Map<String, double[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            writeString(out, e.getKey());
            writeArray(out, e.getValue());
        }
    }

    private static Map<String, double[]> readArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(readString(in), readArray(in));
        }
        return out;
    }

    private static void writeMatrix(DataOutputStream out, double[][] m) throws IOException {
        out.writeInt(m.length);
        for (double[] row : m) {
            writeArray(out, row);
        }
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        int rows = in.readInt();
        if (rows < 0 || rows > 1 << 20) {
            throw new IOException("bad row count " + rows);
        }
        double[][] m = new double[rows][];
        for (int i = 0; i < m.length; i++) {
            m[i] = readArray(in);
        }
        return m;
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(a.length * 8);
        b.asDoubleBuffer().put(a);
        out.write(b.array());
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("bad array length " + n);
        }
        byte[] raw = new byte[n * 8];
        in.readFully(raw);
        double[] a = new double[n];
        java.nio.ByteBuffer.wrap(raw).asDoubleBuffer().get(a);
        return a;
    }
}
