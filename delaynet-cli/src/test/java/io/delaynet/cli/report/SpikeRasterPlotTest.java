package io.delaynet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.train.Split;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Issue 16: an MNIST raster's legend (long layer names) ran past the image's right edge. */
class SpikeRasterPlotTest {

    private static LayerSpikes layer(String name, int size, int silent) {
        double[] times = new double[size];
        for (int j = 0; j < size; j++) {
            times[j] = j < silent ? Double.POSITIVE_INFINITY : 0.1 + 0.001 * j;
        }
        return LayerSpikes.ofFirstSpikes(name, times);
    }

    @Test
    void theLegendOfAnMnistSizedNetworkFitsTheImage() throws Exception {
        SampleSpikes s = new SampleSpikes(Split.TEST, 0, 7, 7, "τ_s", List.of(layer("input", 784, 500),
                layer("layer 1", 350, 120), layer("layer 2", 100, 30), layer("layer 3 (output)", 10, 2)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(SpikeRasterPlot.of(s))));
        assertEquals(Charts.WIDTH, image.getWidth());
        java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "raster-test.png"),
                Charts.png(SpikeRasterPlot.of(s)));
        // nothing of the legend may touch the image's left or right edge column (a cut legend runs through it)
        for (int y = 0; y < image.getHeight(); y++) {
            assertEquals(0xFFFFFF, image.getRGB(image.getWidth() - 1, y) & 0xFFFFFF, "right edge at row " + y);
            assertEquals(0xFFFFFF, image.getRGB(0, y) & 0xFFFFFF, "left edge at row " + y);
        }
        int darkRows = 0; // the legend's entries are drawn (text and markers) in the image's right part
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = image.getWidth() - 200; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 100) {
                    darkRows++;
                    break;
                }
            }
        }
        assertTrue(darkRows > 10, "legend drawn");
    }
}
