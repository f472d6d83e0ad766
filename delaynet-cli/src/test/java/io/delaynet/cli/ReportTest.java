package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReportTest {

    @Test
    void aFinishedRunGetsPlotsAndAPageThatTiesThemTogether(@TempDir Path dir) throws Exception {
        Path config = SmallRuns.config(dir, 2);
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--config", config, "--out", run, "--progress", "none");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("report: " + run.resolve("index.html")), r.out());
        for (String plot : List.of("loss", "accuracy", "delays-layer1", "delays-layer2", "spikes-test-0", "spikes-test-1",
                "spikes-test-2", "decision-map")) {
            BufferedImage image = ImageIO.read(run.resolve("plots").resolve(plot + ".png").toFile());
            assertEquals(800, image.getWidth(), plot);
            assertEquals(460, image.getHeight(), plot);
        }
        String html = Files.readString(run.resolve("index.html"));
        JsonNode summary = Json.parse(Files.readString(run.resolve("summary.json")));
        assertTrue(html.contains(String.format(Locale.ROOT, "%.2f %%", 100 * summary.path("test_accuracy").asDouble())));
        assertTrue(html.contains("<img src=\"plots/delays-layer1.png\""), "delay histogram in the page");
        assertTrue(html.contains("<img src=\"plots/spikes-test-2.png\""), "spike raster in the page");
        assertTrue(html.contains("- {size: 8") || html.contains("size: 8"), "the configuration is shown");
        assertTrue(html.contains("git_commit"), "provenance is shown");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external assets: the page opens offline");
        assertFalse(html.contains("class=\"warnings\""), "nothing to warn about in a healthy run");
        // the decision map's errors are the kept parameters' test errors: 1000 Yin-Yang test samples
        long errors = Math.round(1000 * (1 - summary.path("test_accuracy").asDouble()));
        assertTrue(html.contains("<img src=\"plots/decision-map.png\""), "decision map in the page");
        assertTrue(html.contains("its " + errors + " test errors as black crosses"), html);
    }

    @Test
    void aChipRunsReportShowsItsDelaysSpikesAndDecisionMap(@TempDir Path dir) throws Exception {
        // issue 16: the chip method answered none of the inspection hooks, and the page pointed at notes it did not have
        Path config = Files.writeString(dir.resolve("chip.yaml"), """
                method: delgrad-chip
                network:
                  layers:
                    - {size: 8, delays: axonal}
                    - {size: 3, delays: none}
                training: {epochs: 1, threads: 1}
                """);
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--config", config, "--out", run, "--progress", "none");
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<section id=\"delays\">"), "a learned-delay section");
        assertTrue(html.contains("<img src=\"plots/delays-layer1.png\""), html);
        assertTrue(html.contains("<img src=\"plots/spikes-test-0.png\""), html);
        assertTrue(html.contains("<img src=\"plots/decision-map.png\""), html);
        assertFalse(html.contains("see the notes above") && !html.contains("<ul class=\"notes\">"),
                "no pointer to notes that are not there");
        for (String plot : List.of("delays-layer1", "spikes-test-0", "decision-map")) {
            assertEquals(800, ImageIO.read(run.resolve("plots").resolve(plot + ".png").toFile()).getWidth(), plot);
        }
    }

    @Test
    void delaysPiledUpAtABoundAreFlaggedInThePlotThePageAndTheTerminal(@TempDir Path dir) throws Exception {
        // clipped delays initialised far above the range all sit on its upper bound
        Path config = dir.resolve("clipped.yaml");
        Files.writeString(config, """
                network:
                  layers:
                    - {size: 8, delays: synaptic}
                    - {size: 3, delays: none}
                  delay: {parameterisation: clip, min: 0.0, max: 0.5, init_mean: 3.0, init_std: 0.1}
                training: {epochs: 1, threads: 1}
                """);
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--config", config, "--out", run, "--progress", "none");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("warning: layer1.delays: "), r.out());
        assertTrue(r.out().contains("of the upper bound 0.500"), r.out());
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<ul class=\"warnings\">\n<li>layer1.delays: "), html);
        assertTrue(html.contains("<figure class=\"warn\"><img src=\"plots/delays-layer1.png\""), html);
        assertFalse(Files.exists(run.resolve("plots/delays-layer2.png")), "a projection without delays has no histogram");
    }

    @Test
    void anInterruptedRunGetsAReportFromItsCheckpoint(@TempDir Path dir) throws Exception {
        Path run = SmallRuns.train(dir, "run", 2);
        // what a run killed after its last epoch's checkpoint looks like: no model, no summary
        Files.delete(run.resolve("model.json"));
        Files.delete(run.resolve("summary.json"));
        Cli.Result r = Cli.run("report", run, "--samples", 1);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("warning: The run is unfinished: 2 of 2 epochs are done. Continue it with: "
                + "delaynet train --resume " + run), r.out());
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<strong>unfinished</strong>"), html);
        assertTrue(Files.isRegularFile(run.resolve("plots/spikes-test-0.png")));
        assertFalse(Files.exists(run.resolve("plots/spikes-test-1.png")), "--samples 1 draws one raster");
        assertTrue(Files.isRegularFile(run.resolve("plots/delays-layer1.png")), "delays come from the checkpoint");
    }

    @Test
    void aFolderThatIsNoRunIsRefusedInOneLine(@TempDir Path dir) {
        Cli.Result r = Cli.run("report", dir);
        assertEquals(2, r.status());
        assertEquals("delaynet: " + dir + " is not a run folder (no config.yaml); pass the folder that 'delaynet train' "
                + "created\n", r.errLines());
    }
}
