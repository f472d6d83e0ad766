package io.delaynet.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.delaynet.data.audio.SpikeEvents;
import io.delaynet.data.audio.SpikeSample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

class PlotTest {
    @TempDir
    Path tmp;

    private static SpikeSample sample(String id, int label, float[] t, int[] u) {
        return new SpikeSample(id, label, "ann", SpikeEvents.of(t, u, 4, 0.2f));
    }

    @Test
    void rasterIsWrittenUnderTheExactNameEvenForASilentSample() throws IOException {
        Path busy = RasterPlot.write(sample("a", 0, new float[] {0.01f, 0.1f}, new int[] {0, 3}), "channel",
                tmp.resolve("busy"));
        Path silent = RasterPlot.write(sample("b", 0, new float[0], new int[0]), "channel", tmp.resolve("x/silent.png"));
        for (Path p : List.of(busy, silent)) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertNotNull(image, p.toString());
            assertEquals(900, image.getWidth());
        }
    }

    @Test
    void classActivityAveragesCountsPerClassOnACommonScale() throws IOException {
        List<SpikeSample> samples = List.of(
                sample("a", 0, new float[] {0.01f, 0.02f}, new int[] {1, 1}),
                sample("b", 0, new float[0], new int[0]),
                sample("c", 1, new float[] {0.15f}, new int[] {2}));
        List<HeatMapChart> charts = ClassActivityPlot.charts(samples, 2, 0.1, 2, "channel");
        assertEquals(2, charts.size());
        // Class 0: two spikes in bin 0, channel 1, over two samples = mean 1.
        assertEquals(1.0, cell(charts.get(0), 0, 1), 1e-12);
        assertEquals(0.0, cell(charts.get(0), 1, 1), 1e-12);
        assertEquals(1.0, cell(charts.get(1), 1, 2), 1e-12);
        assertEquals(1.0, charts.get(1).getStyler().getMax(), 1e-12, "shared colour scale");
        BufferedImage image = ImageIO.read(ClassActivityPlot.write(samples, 2, 0.1, 2, "channel", tmp.resolve("a.png")).toFile());
        assertEquals(2 * 360, image.getWidth());
    }

    private static double cell(HeatMapChart chart, int bin, int channel) {
        for (Number[] c : chart.getHeatMapSeries().getHeatData()) {
            if (c[0].intValue() == bin && c[1].intValue() == channel) {
                return c[2].doubleValue();
            }
        }
        throw new AssertionError("no cell " + bin + ", " + channel);
    }
}
