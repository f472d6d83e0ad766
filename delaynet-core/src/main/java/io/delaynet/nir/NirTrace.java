package io.delaynet.nir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a {@link NirSimulation} on an input table and writes what it did as CSV: what
 * {@code delaynet nir run} does. The input is one row per step, one column per input channel
 * (numbers separated by commas; a first line that is not numeric is a header and skipped); the
 * output has a header and one row per step: step, time in seconds, the Output nodes' values, then
 * the membrane of every recorded neuron node.
 */
public final class NirTrace {
    private NirTrace() {
    }

    /** Reads an input table; {@code firstColumn} is where the input channels begin. */
    public static double[][] readInput(Path file, int firstColumn, int channels) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NirException("cannot read input " + file + " (" + e.getMessage() + ")", "pass a readable CSV file");
        }
        List<double[]> rows = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < firstColumn + channels) {
                throw new NirException("input " + file + " line " + (l + 1) + " has " + f.length + " columns, the graph takes "
                        + channels + " from column " + firstColumn, "give one column per input channel");
            }
            double[] row = new double[channels];
            try {
                for (int c = 0; c < channels; c++) {
                    row[c] = Double.parseDouble(f[firstColumn + c].trim());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && l == 0) {
                    continue; // a header
                }
                throw new NirException("input " + file + " line " + (l + 1) + " holds a value that is not a number",
                        "the input is numbers separated by commas");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new NirException("input " + file + " has no rows", "give one row per time step");
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * Simulates {@code steps} steps (rows past the input's end get zero input) and returns the
     * CSV text.
     */
    public static String run(NirSimulation sim, double[][] input, int steps, List<String> record, double dt) {
        for (String r : record) {
            sim.membrane(r); // fails early, naming the node, when it has no membrane
        }
        StringBuilder out = new StringBuilder("step,time_s");
        for (String o : sim.outputNodes()) {
            int n = sim.output(o).length;
            for (int i = 0; i < n; i++) {
                out.append(',').append(o).append(n == 1 ? "" : "[" + i + "]");
            }
        }
        for (String r : record) {
            int n = sim.membrane(r).length;
            for (int i = 0; i < n; i++) {
                out.append(',').append(r).append(".v").append(n == 1 ? "" : "[" + i + "]");
            }
        }
        out.append('\n');
        double[] zero = new double[sim.inputSize()];
        for (int t = 0; t < steps; t++) {
            sim.step(t < input.length ? input[t] : zero);
            out.append(t).append(',').append(String.format(Locale.ROOT, "%.9g", t * dt));
            for (double v : sim.outputs()) {
                out.append(',').append(v);
            }
            for (String r : record) {
                for (double v : sim.membrane(r)) {
                    out.append(',').append(v);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
