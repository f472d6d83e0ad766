package io.delaynet.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.delaynet.io.Json;

/** {@code bench online --json} prints one object with the four keys; memory for 10 T equals that for T. */
class OnlineBenchCommandTest {

    @Test
    void smallRunPrintsTheFourKeys() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("bench", "online", "--samples", "1", "--steps", "20", "--set", "network.hidden=[16]",
                    "--json");
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, status, text);
        JsonNode json = Json.parse(text);
        assertTrue(json.get("online_samples_per_s").asDouble() > 0, text);
        assertTrue(json.get("bptt_samples_per_s").asDouble() > 0, text);
        long t = json.get("online_memory_bytes_T").asLong();
        assertTrue(t > 0, text);
        assertEquals(t, json.get("online_memory_bytes_10T").asLong(), text);
    }
}
