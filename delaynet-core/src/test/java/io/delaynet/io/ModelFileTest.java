package io.delaynet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static double[] randomValues(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
        }
        v[0] = -0.0;
        v[1] = Double.MIN_VALUE;
        return v;
    }

    private ModelFile model(double[] small, double[] large) {
        Map<String, double[]> params = new LinkedHashMap<>();
        params.put("layer1.weights", small);
        params.put("layer1.delays", large);
        return new ModelFile(ConfigTree.parse("method: stepped", "test"), params, Map.of("seed", 1));
    }

    @Test
    void smallGroupsAreListsLargeOnesBase64AndBothReadBackBitForBit() throws IOException {
        double[] small = randomValues(io.delaynet.io.StoredDoubles.INLINE_LIMIT, 1);
        double[] large = randomValues(io.delaynet.io.StoredDoubles.INLINE_LIMIT + 1, 2);
        Path file = dir.resolve("model.json");
        model(small, large).write(file);

        String text = Files.readString(file);
        assertTrue(text.contains("\"encoding\" : \"base64-float64-le\""), "large group encoded");
        assertEquals(1, text.split("base64-float64-le", -1).length - 1, "only the large group is encoded");
        // 8 bytes a value, 4 base64 characters per 3 bytes: about 10.7 characters a value (decimal text: ~22)
        int data = text.indexOf("\"data\" : \"") + 10;
        assertEquals(4 * ((8 * large.length + 2) / 3), text.indexOf('"', data) - data);

        ModelFile back = ModelFile.read(file);
        assertArrayEquals(small, back.parameters().get("layer1.weights"));
        assertArrayEquals(large, back.parameters().get("layer1.delays"));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(back.parameters().get("layer1.delays")[0]));
    }

    @Test
    void versionOneFilesStillRead() throws IOException {
        Path file = dir.resolve("v1.json");
        Files.writeString(file, """
                {"format": "delaynet-model", "version": 1, "provenance": {}, "config": {"method": "delgrad"},
                 "parameters": {"layer0.weights": [0.5, -1.25]}}
                """);
        // the event-driven engine counted its layers from 0 then; they read under today's names, from 1
        assertArrayEquals(new double[] {0.5, -1.25}, ModelFile.read(file).parameters().get("layer1.weights"));
    }

    @Test
    void zeroBasedLayerNamesOfOldEventModelsAreCountedFromOne() throws IOException {
        Path file = dir.resolve("v2.json");
        Files.writeString(file, """
                {"format": "delaynet-model", "version": 2, "provenance": {}, "config": {"method": "delgrad"},
                 "parameters": {"layer0.weights": [1], "layer0.delays": [2], "layer1.weights": [3]}}
                """);
        Map<String, double[]> p = ModelFile.read(file).parameters();
        assertEquals(List.of("layer1.weights", "layer1.delays", "layer2.weights"), List.copyOf(p.keySet()));
        assertArrayEquals(new double[] {3}, p.get("layer2.weights"));
    }

    @Test
    void damagedEncodedGroupsAreOneLineErrors() throws IOException {
        Path file = dir.resolve("model.json");
        model(new double[] {1}, randomValues(5000, 3)).write(file);
        String text = Files.readString(file);

        Files.writeString(file, text.replace("\"count\" : 5000", "\"count\" : 4999"));
        ConfigException wrongCount = assertThrows(ConfigException.class, () -> ModelFile.read(file));
        assertTrue(wrongCount.getMessage().contains("parameters.layer1.delays declares 4999 values"),
                wrongCount.getMessage());

        Files.writeString(file, text.replace("base64-float64-le", "base32"));
        assertTrue(assertThrows(ConfigException.class, () -> ModelFile.read(file)).getMessage()
                .contains("neither a list of numbers"));

        int data = text.indexOf("\"data\" : \"") + 10;
        Files.writeString(file, text.substring(0, data) + "!!" + text.substring(data + 2));
        assertTrue(assertThrows(ConfigException.class, () -> ModelFile.read(file)).getMessage()
                .contains("invalid base64"));

        Files.writeString(file, text.replace("\"version\" : 3", "\"version\" : 4"));
        assertTrue(assertThrows(ConfigException.class, () -> ModelFile.read(file)).getMessage()
                .contains("format version 4"));
    }
}
