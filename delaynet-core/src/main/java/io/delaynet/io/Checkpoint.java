package io.delaynet.io;

import io.delaynet.config.ConfigException;
import io.delaynet.train.Adam;
import io.delaynet.train.EpochMetrics;
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
 * the optimizer's moments, the method's extra state and the metrics so far. Binary (parameters can
 * number millions), with a CRC so that a damaged file is recognised instead of silently loaded.
 *
 * @param nextEpoch the first epoch still to train (0-based)
 */
public record Checkpoint(int nextEpoch, Map<String, double[]> parameters, Adam.State optimizer,
                         Map<String, double[]> extra, List<EpochMetrics> history) {
    private static final long MAGIC = 0x444E434B50543031L; // "DNCKPT01"

    public static Checkpoint capture(int nextEpoch, List<ParameterGroup> groups, Adam adam, Map<String, double[]> extra,
                                     List<EpochMetrics> history) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterGroup g : groups) {
            values.put(g.name(), g.values().clone());
        }
        return new Checkpoint(nextEpoch, values, adam.state(), new LinkedHashMap<>(extra), List.copyOf(history));
    }

    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(nextEpoch);
            writeArrays(out, parameters);
            out.writeLong(optimizer.steps());
            writeMatrix(out, optimizer.m());
            writeMatrix(out, optimizer.v());
            out.writeBoolean(optimizer.vMax() != null);
            if (optimizer.vMax() != null) {
                writeMatrix(out, optimizer.vMax());
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
        String damaged = "checkpoint " + file + " is damaged or truncated; start the run again without --resume";
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
            if (in.readLong() != MAGIC) {
                throw new ConfigException(file + " is not a DelayNet checkpoint");
            }
            int next = in.readInt();
            Map<String, double[]> params = readArrays(in);
            long steps = in.readLong();
            double[][] m = readMatrix(in);
            double[][] v = readMatrix(in);
            double[][] vMax = in.readBoolean() ? readMatrix(in) : null;
            Map<String, double[]> extra = readArrays(in);
            int n = in.readInt();
            List<EpochMetrics> history = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                history.add(new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readInt()));
            }
            return new Checkpoint(next, params, new Adam.State(steps, m, v, vMax), extra, history);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(damaged);
        }
    }

    private static void writeArrays(DataOutputStream out, Map<String, double[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            writeArray(out, e.getValue());
        }
    }

    private static Map<String, double[]> readArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byte[] name = new byte[in.readInt()];
            in.readFully(name);
            out.put(new String(name, StandardCharsets.UTF_8), readArray(in));
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
        double[][] m = new double[in.readInt()][];
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
