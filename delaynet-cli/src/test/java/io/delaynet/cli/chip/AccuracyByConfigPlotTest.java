package io.delaynet.cli.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyByConfigPlotTest {

    @Test
    void groupsConfigurationsBySetupAndVariantFromTheirNames() {
        assertEquals("default chip", AccuracyByConfigPlot.setup("yinyang-chip-weights-only"));
        assertEquals("default chip", AccuracyByConfigPlot.setup("yinyang-chip-axonal"));
        assertEquals("hw-aware", AccuracyByConfigPlot.setup("yinyang-chip-hw-aware-axonal"));
        assertEquals("synapse-mismatch", AccuracyByConfigPlot.setup("yinyang-chip-synapse-mismatch-weights-only"));
        assertEquals("tiny", AccuracyByConfigPlot.setup("tiny"));
        assertEquals("weights only", AccuracyByConfigPlot.variant("yinyang-chip-calibrated-weights-only"));
        assertEquals("+ axonal delays", AccuracyByConfigPlot.variant("yinyang-chip-calibrated-axonal"));
    }

    @Test
    void drawsAPngEvenWhenASetupLacksOneVariant(@TempDir Path tmp) throws Exception {
        Map<String, List<Double>> acc = new LinkedHashMap<>();
        acc.put("yinyang-chip-weights-only", List.of(0.91, 0.92, 0.90));
        acc.put("yinyang-chip-axonal", List.of(0.88, 0.91, 0.90));
        acc.put("yinyang-chip-calibrated-axonal", List.of(0.93, 0.94, 0.92));
        Path png = tmp.resolve("bars.png");
        AccuracyByConfigPlot.write(acc, "300 epochs", png);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    }
}
