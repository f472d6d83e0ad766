package io.delaynet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a real run, opened in headless Chromium from the file system, as a reader would open it. */
class ReportInBrowserTest {
    @TempDir
    static Path dir;
    static Path run;
    Chromium chromium;

    @BeforeAll
    static void trainAndReport() throws Exception {
        run = SmallRuns.train(dir, "run", 2);
        Cli.Result r = Cli.run("report", run, "--samples", 2);
        assertEquals(0, r.status(), r.err());
    }

    @BeforeEach
    void findBrowser() {
        chromium = Chromium.findOrSkip();
    }

    @Test
    void everyImageRenders() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("dom"));
        String dom = chromium.dumpDom(run.resolve("index.html"), scratch);
        int images = count(Files.readString(run.resolve("index.html")), "<img ");
        assertEquals(2 + 2 + 2 + 1, images, "learning curves, two delay histograms, two rasters, the decision map");
        assertEquals(String.valueOf(images), attribute(dom, "data-images"), "the page's own check ran");
        assertEquals(String.valueOf(images), attribute(dom, "data-images-rendered"));
        assertEquals(images, count(dom, "data-rendered=\"yes\""));
        assertFalse(dom.contains("<div class=\"missing\">"), dom);
    }

    /** The check above can fail: with a plot deleted, the page counts it as not rendered and says how to fix it. */
    @Test
    void aMissingPlotIsCountedAndExplained() throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy.resolve("plots"));
        try (var files = Files.walk(run)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(run.relativize(f).toString()));
                }
            }
        }
        Files.delete(copy.resolve("plots/loss.png"));
        String dom = chromium.dumpDom(copy.resolve("index.html"), Files.createDirectories(dir.resolve("dom-missing")));
        assertEquals("7", attribute(dom, "data-images"));
        assertEquals("6", attribute(dom, "data-images-rendered"));
        assertTrue(dom.contains("<div class=\"missing\">Plot missing: plots/loss.png. Rebuild the report with: "
                + "delaynet report &lt;run folder&gt;</div>"), dom);
    }

    /** Issue 16: an MNIST run's page scrolled sideways (long data file paths and checksums in the provenance). */
    @Test
    void longValuesWrapInsteadOfWideningThePage() throws Exception {
        Path copy = dir.resolve("long");
        Files.createDirectories(copy.resolve("plots"));
        try (var files = Files.walk(run)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(run.relativize(f).toString()));
                }
            }
        }
        String provenance = Files.readString(copy.resolve("provenance.json"));
        String longPath = "/a/very/long/data/folder/" + "x".repeat(300) + "/train-images-idx3-ubyte";
        Files.writeString(copy.resolve("provenance.json"), provenance.replaceFirst("\\{",
                "{\n  \"data_file\" : \"" + longPath + " md5 " + "0123456789abcdef".repeat(8) + "\","));
        assertEquals(0, Cli.run("report", copy, "--samples", 1).status());
        assertTrue(Files.readString(copy.resolve("index.html")).contains(longPath), "the long value is on the page");
        String dom = chromium.dumpDom(copy.resolve("index.html"), Files.createDirectories(dir.resolve("dom-long")));
        assertEquals("no", attribute(dom, "data-scrolls-sideways"));
    }

    @Test
    void theScreenshotShowsARenderedPage() throws Exception {
        Path png = chromium.screenshot(run.resolve("index.html"), Files.createDirectories(dir.resolve("shot")), 1280, 1600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(1600, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 100, "a blank or failed page has few colours; this one has " + colours.size());
    }

    private static String attribute(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : "(absent)";
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
