package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigDocs;
import io.delaynet.config.ConfigTree;
import io.delaynet.run.Methods;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ConfigCommandTest {

    @Test
    void printsTheCommentedDefaults() {
        Cli.Result r = Cli.run("config");
        assertEquals(0, r.status(), r.err());
        assertEquals(Methods.byName("delgrad").defaultsDocument(), r.out());
        assertTrue(r.out().contains("dataset: yinyang          # the embedded Yin-Yang task"), r.out());
    }

    @Test
    void keysListEveryDocumentedKeyWithItsMeaning() {
        Cli.Result r = Cli.run("config", "--keys", "--method", "delgrad");
        assertEquals(0, r.status(), r.err());
        for (ConfigDocs.Entry e : ConfigDocs.parse(Methods.byName("delgrad").defaultsDocument()).entries()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(e.path() + " ") && l.contains(e.description())),
                    "no line for " + e.path());
        }
    }

    @Test
    void resolvesAFileWithOverridesAsTrainWould(@TempDir Path dir) throws Exception {
        Path file = SmallRuns.config(dir, 4);
        Cli.Result r = Cli.run("config", "--config", file, "--set", "training.seed=77");
        assertEquals(0, r.status(), r.err());
        ObjectNode tree = ConfigTree.parse(r.out(), "output");
        assertEquals(4, tree.path("training").path("epochs").asInt());
        assertEquals(77, tree.path("training").path("seed").asInt());
        assertEquals(8, tree.path("network").path("layers").get(0).path("size").asInt());
        assertEquals(150, tree.path("training").path("batch_size").asInt(), "defaults fill the keys the file leaves out");
        assertTrue(r.out().startsWith("# resolved configuration: defaults of delgrad, then " + file), r.out());
    }

    @Test
    void aBadValueIsRejectedAsTrainWouldRejectIt() {
        Cli.Result r = Cli.run("config", "--set", "training.batch_size=0");
        assertEquals(2, r.status());
        assertEquals("delaynet: config: in 'training': training.batch_size must be >= 1, got 0\n", r.errLines());
    }

    @Test
    void anUnknownMethodNamesTheKnownOnes() {
        Cli.Result r = Cli.run("config", "--method", "nope");
        assertEquals(2, r.status());
        assertEquals("delaynet: unknown method 'nope'; use one of: delgrad, delgrad-chip, stepped, online\n", r.errLines());
    }

    @Test
    void trainHelpPointsToTheKeyReference() {
        Cli.Result r = Cli.run("train", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("delaynet config --keys"), r.out());
        assertTrue(r.out().contains("docs/configuration.md"), r.out());
        assertTrue(r.out().contains("--resume"), r.out());
    }

    /**
     * docs/configuration.md embeds the generated key reference between two markers; this fails
     * when a default, a comment or a method changes without the page being regenerated.
     */
    @Test
    void theConfigurationPageHoldsTheCurrentReference() throws Exception {
        Path page = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(page);
        String begin = "<!-- BEGIN GENERATED: ./delaynet config --markdown -->\n";
        String end = "<!-- END GENERATED -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/configuration.md lacks the generated-reference markers");
        assertEquals(ConfigReference.markdown(Methods.all()), text.substring(from + begin.length(), to),
                "docs/configuration.md is out of date: replace the text between the markers with the output of "
                        + "'./delaynet config --markdown'");
    }
}
