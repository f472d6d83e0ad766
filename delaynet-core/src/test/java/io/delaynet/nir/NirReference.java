package io.delaynet.nir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The NIR paper's files in the shared data folder (tests skip without it) and their CSV traces. */
final class NirReference {
    private NirReference() {
    }

    static Path dir() {
        String root = System.getProperty("delaynet.shared.data");
        assumeTrue(root != null, "system property delaynet.shared.data not set; skipping the NIR reference files");
        Path dir = Path.of(root).resolve("nir");
        assumeTrue(Files.isDirectory(dir), dir + " not found; skipping the NIR reference files");
        return dir;
    }

    /** Rows of a CSV of numbers. */
    static double[][] csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = Double.parseDouble(f[i].trim());
                }
                return row;
            }).toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps at which column {@code c} is non-zero. */
    static List<Integer> spikes(double[][] rows, int c) {
        return java.util.stream.IntStream.range(0, rows.length).filter(t -> rows[t][c] != 0).boxed().toList();
    }

    static double maxDifference(double[][] a, int ca, double[][] b, int cb) {
        double max = 0;
        for (int t = 0; t < a.length; t++) {
            max = Math.max(max, Math.abs(a[t][ca] - b[t][cb]));
        }
        return max;
    }

    /**
     * Runs a one-neuron graph on column 0 of {@code reference}: rows of (input, membrane of
     * {@code neuron}, output).
     */
    static double[][] run(NirGraph graph, String neuron, double[][] reference, NirSimulation.Options options) {
        NirSimulation sim = NirSimulation.build(graph, options);
        double[][] out = new double[reference.length][];
        for (int t = 0; t < reference.length; t++) {
            sim.step(new double[] {reference[t][0]});
            out[t] = new double[] {reference[t][0], sim.membrane(neuron)[0], sim.outputs()[0]};
        }
        return out;
    }
}
