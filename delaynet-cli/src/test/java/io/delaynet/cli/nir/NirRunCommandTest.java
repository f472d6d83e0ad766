package io.delaynet.cli.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delaynet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code delaynet nir run} on the NIR paper's Norse LIF graph, and its one-line errors. */
class NirRunCommandTest {
    @TempDir
    Path tmp;

    static Path nirDir() {
        String root = System.getProperty("delaynet.shared.data");
        assumeTrue(root != null, "delaynet.shared.data not set");
        Path dir = Path.of(root).resolve("nir");
        assumeTrue(Files.isDirectory(dir), dir + " not found");
        return dir;
    }

    static int run(ByteArrayOutputStream err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void runsTheNorseGraphOnTheStepCurrentAndSpikesWhereTheExactSolutionDoes() throws Exception {
        Path dir = nirDir();
        Path out = tmp.resolve("trace.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(err, "nir", "run", dir.resolve("lif_norse.nir").toString(), "--input",
                dir.resolve("lif_exact.csv").toString(), "--dt", "1e-4", "--reset", "subtract", "--record", "1",
                "--out", out.toString());
        assertEquals(0, status, err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("step,time_s,output,1.v", lines.get(0));
        List<String> exact = Files.readAllLines(dir.resolve("lif_exact.csv"));
        assertEquals(exact.size() + 1, lines.size());
        for (int t = 0; t < exact.size(); t++) {
            String[] ours = lines.get(t + 1).split(",");
            String[] theirs = exact.get(t).split(",");
            assertEquals(Double.parseDouble(theirs[2]), Double.parseDouble(ours[2]), "spike at step " + t);
            assertEquals(Double.parseDouble(theirs[1]), Double.parseDouble(ours[3]), 1e-3, "membrane at step " + t);
        }
    }

    @Test
    void badOptionsAndUnknownNodesAreOneLineErrors() throws Exception {
        Path dir = nirDir();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(err, "nir", "run", dir.resolve("lif_norse.nir").toString(), "--input",
                dir.resolve("lif_exact.csv").toString(), "--dt", "1e-4", "--record", "0", "--out", tmp.resolve("x.csv").toString());
        assertEquals(2, status);
        String text = err.toString().strip();
        assertTrue(text.contains("'0'") && text.contains("Affine") && !text.contains("\n"), text);

        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, run(err2, "nir", "run", dir.resolve("lif_norse.nir").toString(), "--input",
                dir.resolve("lif_exact.csv").toString(), "--dt", "1e-4", "--integration", "rk4", "--out", "x.csv"));
        assertTrue(err2.toString().contains("--integration"), err2.toString());
    }

    @Test
    void runsAConvolutionAndSumPoolGraphFromTheCommandLine() throws Exception {
        // input (1, 3, 3) -> Conv2d 1 -> 2 channels, 2 x 2 kernel (weights 1, 2, 3, 4 and -1 each), bias (0.5, 0) -> SumPool2d 2 x 2
        java.util.Map<String, io.delaynet.nir.NirTensor> conv = new java.util.LinkedHashMap<>();
        conv.put("weight", new io.delaynet.nir.NirTensor(new double[] {1, 2, 3, 4, -1, -1, -1, -1}, new int[] {2, 1, 2, 2}));
        conv.put("bias", io.delaynet.nir.NirTensor.vector(0.5, 0));
        io.delaynet.nir.NirGraph g = io.delaynet.nir.NirGraph.of(List.of(
                new io.delaynet.nir.NirNode("in", "Input", java.util.Map.of("shape", io.delaynet.nir.NirTensor.vector(1, 3, 3))),
                new io.delaynet.nir.NirNode("conv", "Conv2d", conv),
                new io.delaynet.nir.NirNode("pool", "SumPool2d", java.util.Map.of("kernel_size",
                        io.delaynet.nir.NirTensor.vector(2, 2))),
                new io.delaynet.nir.NirNode("out", "Output", java.util.Map.of())),
                List.of(new io.delaynet.nir.NirGraph.Edge("in", "conv"), new io.delaynet.nir.NirGraph.Edge("conv", "pool"),
                        new io.delaynet.nir.NirGraph.Edge("pool", "out")), java.util.Map.of());
        Path file = tmp.resolve("conv.nir");
        io.delaynet.nir.NirFile.write(g, file);
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, "1,2,3,4,5,6,7,8,9\n0,0,0,0,1,0,0,0,0\n");
        Path out = tmp.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "nir", "run", file.toString(), "--input", in.toString(), "--dt", "1e-3", "--out",
                out.toString()), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("step,time_s,out[0],out[1]", lines.get(0));
        // step 0: the conv's 2 x 2 maps are (1+4+12+20, 2+6+15+24, 4+10+21+32, 5+12+24+36) + 0.5 = 37.5, 47.5, 67.5, 77.5
        // and -(12, 16, 24, 28); the 2 x 2 pool sums each map
        assertEquals("0,0.00000000,230.0,-80.0", lines.get(1));
        // step 1: a single 1 in the middle meets every kernel position once: 1+2+3+4 + 4 * 0.5 and -4
        assertEquals("1,0.00100000000,12.0,-4.0", lines.get(2));
    }
}
