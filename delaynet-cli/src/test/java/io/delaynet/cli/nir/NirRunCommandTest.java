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
}
