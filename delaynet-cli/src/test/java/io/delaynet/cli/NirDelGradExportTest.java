package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.event.DelGradLearner;
import io.delaynet.nir.NirFile;
import io.delaynet.nir.NirGraph;
import io.delaynet.nir.NirSimulation;
import io.delaynet.run.TrainedModel;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Split;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained DelGrad (event-driven, per-synapse delays) Yin-Yang model exported to NIR and run on a
 * fine grid with Dirac spikes classifies the test split as the exact engine does, within 0.5 points.
 */
class NirDelGradExportTest {
    private static final double GRID = 2e-3; // grid step in units of tau_s
    private static final double WINDOW = 8; // tau_s simulated per sample

    @TempDir
    Path tmp;

    @Test
    void exportedDelGradModelOnAFineGridClassifiesLikeTheEngine() throws Exception {
        // -Ddelaynet.nir.model=RUN_DIR checks a model trained elsewhere (e.g. examples/yinyang-synaptic.yaml).
        String given = System.getProperty("delaynet.nir.model");
        Path run = given != null ? Path.of(given) : SmallRuns.train(tmp, "delgrad", 2);
        Path nir = tmp.resolve("delgrad.nir");
        Cli.Result export = Cli.run("export", "--model", run, "--format", "nir", "--out", nir);
        assertEquals(0, export.status(), export.err());
        NirGraph g = NirFile.read(nir);
        assertEquals("Delay", g.node("layer1.delay").type());
        assertEquals("Linear", g.node("layer1.fanout").type());

        TrainedModel model = TrainedModel.load(run);
        Evaluation exact = model.evaluate(Split.TEST);
        double unit = model.network().time().unitSeconds();
        double[][] inputs = ((DelGradLearner) model.experiment().learner()).data(Split.TEST).inputs();
        NirSimulation sim = NirSimulation.build(g, new NirSimulation.Options(GRID * unit, NirSimulation.Integration.EXACT,
                NirSimulation.Reset.NIR, NirSimulation.Spikes.DIRAC));
        int correct = 0;
        int same = 0;
        int steps = (int) Math.round(WINDOW / GRID);
        double dirac = 1 / (GRID * unit);
        for (int s = 0; s < inputs.length; s++) {
            sim.clear();
            double[] first = new double[sim.outputSize()];
            Arrays.fill(first, Double.POSITIVE_INFINITY);
            double[] x = new double[sim.inputSize()];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < x.length; i++) {
                    // A spike at t* between grid points is split over its two steps (weights 1 - f and f),
                    // as the Delay node splits fractional delays: every spike then lands half a step late.
                    double at = inputs[s][i] / GRID;
                    double k = Math.floor(at);
                    x[i] = k == t ? (1 - (at - k)) * dirac : k + 1 == t ? (at - k) * dirac : 0;
                }
                sim.step(x);
                double[] out = sim.outputs();
                for (int j = 0; j < out.length; j++) {
                    if (out[j] != 0 && first[j] == Double.POSITIVE_INFINITY) {
                        first[j] = t;
                    }
                }
            }
            int predicted = -1;
            for (int j = 0; j < first.length; j++) {
                if (Double.isFinite(first[j]) && (predicted < 0 || first[j] < first[predicted])) {
                    predicted = j;
                }
            }
            correct += predicted == exact.labels()[s] ? 1 : 0;
            same += predicted == exact.predictions()[s] ? 1 : 0;
        }
        double accuracy = (double) correct / inputs.length;
        System.out.printf("DelGrad Yin-Yang export of " + run.getFileName() + ", grid %s tau_s: engine %.2f %%, NIR grid %.2f %%, same prediction "
                + "for %d of %d%n", GRID, 100 * exact.accuracy(), 100 * accuracy, same, inputs.length);
        assertTrue(Math.abs(accuracy - exact.accuracy()) <= 0.005, "engine " + exact.accuracy() + ", NIR grid " + accuracy);
        assertTrue(inputs.length >= 100);
    }
}
