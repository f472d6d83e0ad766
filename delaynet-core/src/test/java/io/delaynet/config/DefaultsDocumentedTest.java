package io.delaynet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delaynet.run.Method;
import io.delaynet.run.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every key a registered method accepts is documented in its commented defaults, and the
 * documentation names no key that does not exist: the configuration reference is generated from
 * that text, so this is what keeps it complete and true.
 */
class DefaultsDocumentedTest {

    @Test
    void everyDefaultKeyHasADescription() {
        for (Method method : Methods.all()) {
            ConfigDocs docs = ConfigDocs.parse(method.defaultsDocument());
            List<String> missing = new ArrayList<>();
            for (String key : leafKeys(method.defaults())) {
                if (docs.entry(key).map(e -> e.description().isBlank()).orElse(true)) {
                    missing.add(key);
                }
            }
            assertTrue(missing.isEmpty(), method.name() + ": keys without a comment in the defaults: " + missing);
            assertFalse(docs.header().isBlank(), method.name() + ": the defaults need a header comment");
        }
    }

    @Test
    void documentedKeysAreExactlyTheDefaultKeys() {
        for (Method method : Methods.all()) {
            ConfigDocs docs = ConfigDocs.parse(method.defaultsDocument());
            TreeSet<String> documented = new TreeSet<>();
            docs.entries().stream().filter(e -> !e.section()).forEach(e -> documented.add(e.path()));
            assertEquals(new TreeSet<>(leafKeys(method.defaults())), documented, method.name());
        }
    }

    @Test
    void documentedDefaultsParseToTheRealDefaults() {
        for (Method method : Methods.all()) {
            ConfigDocs docs = ConfigDocs.parse(method.defaultsDocument());
            JsonNode seed = method.defaults().path("training").path("seed");
            assertEquals(seed.asString(), docs.entry("training.seed").orElseThrow().defaultText(), method.name());
            assertEquals(ConfigTree.parse(method.defaultsDocument(), "defaults"), method.defaults(), method.name());
        }
    }

    /** Dotted paths of every value that is not a section; entries of lists of sections use []. */
    static List<String> leafKeys(JsonNode tree) {
        List<String> out = new ArrayList<>();
        collect(tree, "", out);
        return out.stream().distinct().toList();
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
            for (JsonNode item : node) {
                collect(item, path + "[]", out);
            }
        } else {
            out.add(path);
        }
    }
}
