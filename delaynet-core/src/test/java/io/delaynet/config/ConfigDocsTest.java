package io.delaynet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
    private static final String YAML = """
            # A method.
            # Second header line.
            method: m                 # picks the method
            data:                     # the data
              early: 0.15             # first line
                                      # continued here
              # leads the next key
              late: 2.0
            network:
              layers:                 # list of layers
                - size: 30            # neurons
                  delays: synaptic    # kind
                - size: 3
                  delays: none
              limit: .inf             # after the list
            """;

    @Test
    void readsHeaderPathsDefaultsAndComments() {
        ConfigDocs docs = ConfigDocs.parse(YAML);
        assertEquals("A method. Second header line.", docs.header());
        assertEquals(List.of("method", "data", "data.early", "data.late", "network", "network.layers",
                "network.layers[].size", "network.layers[].delays", "network.limit"),
                docs.entries().stream().map(ConfigDocs.Entry::path).toList());
        assertEquals("first line continued here", docs.entry("data.early").orElseThrow().description());
        assertEquals("leads the next key", docs.entry("data.late").orElseThrow().description());
        assertEquals("2.0", docs.entry("data.late").orElseThrow().defaultText());
        assertEquals("30, 3", docs.entry("network.layers[].size").orElseThrow().defaultText());
        assertEquals("kind", docs.entry("network.layers[].delays").orElseThrow().description());
        assertEquals(".inf", docs.entry("network.limit").orElseThrow().defaultText());
        assertEquals("after the list", docs.entry("network.limit").orElseThrow().description());
    }

    @Test
    void sectionsHaveNoDefault() {
        ConfigDocs docs = ConfigDocs.parse(YAML);
        assertTrue(docs.entry("network").orElseThrow().section());
        assertTrue(docs.entry("network.layers").orElseThrow().section());
        assertFalse(docs.entry("method").orElseThrow().section());
        assertEquals("", docs.entry("network").orElseThrow().description());
    }
}
