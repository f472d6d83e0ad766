package io.delaynet.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Configuration as a tree: parsed from YAML or JSON (JSON is YAML), layered over defaults and
 * patched by {@code key.path=value} overrides, before it is bound to typed records. Keeping the
 * tree until the end means the resolved configuration can be saved exactly as it was used.
 */
public final class ConfigTree {
    /** Duplicate keys are errors: YAML would keep the last one silently, hiding the other. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ConfigTree() {
    }

    /** Reads a YAML or JSON file whose top level must be a mapping. */
    public static ObjectNode read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** The text of a configuration file; a missing or unreadable file is a one-line {@link ConfigException}. */
    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist; check the path given to --config");
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("cannot read config file " + file + " (" + e.getMessage()
                    + "); check that it is a readable text file");
        }
    }

    /** Parses YAML or JSON text; {@code origin} names it in error messages. */
    public static ObjectNode parse(String text, String origin) {
        JsonNode node;
        try {
            node = YAML.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String message = firstLine(e.getOriginalMessage());
            if (message.startsWith("Duplicate Object property")) {
                throw new ConfigException(origin + " sets a key twice" + where + ": " + message.replace("Duplicate Object property ", "")
                        + "; keep only one of the two");
            }
            throw new ConfigException(origin + " is not valid YAML" + where + ": " + firstLine(e.getOriginalMessage())
                    + "; fix the syntax (indentation, 'key: value' pairs)");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(origin + " must hold a mapping of keys to values at its top level, not "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    /** Reads a classpath resource holding defaults. */
    public static ObjectNode resource(Class<?> anchor, String name) {
        return parse(resourceText(anchor, name), name);
    }

    /** The text of a classpath resource, comments included. */
    public static String resourceText(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of {@code base} with {@code patch} laid over it: mappings merge, everything else replaces. */
    public static ObjectNode merge(ObjectNode base, ObjectNode patch) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode current = out.get(e.getKey());
            if (current instanceof ObjectNode currentObject && e.getValue() instanceof ObjectNode patchObject) {
                out.set(e.getKey(), merge(currentObject, patchObject));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    /**
     * Applies one {@code dotted.key=value} override; the value is read as a YAML scalar or flow
     * collection, so {@code 5}, {@code 0.01}, {@code true}, {@code [4, 30, 3]} and {@code null}
     * keep their types.
     */
    public static void override(ObjectNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + assignment + "' must look like key.path=value, e.g. training.epochs=5");
        }
        String path = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = raw.isEmpty() ? JsonNodeFactory.instance.stringNode("") : YAML.readTree(raw);
        } catch (JacksonException e) {
            throw new ConfigException("override '" + assignment + "': value is not valid YAML; quote it if it is text");
        }
        set(root, path, value == null ? JsonNodeFactory.instance.nullNode() : value);
    }

    /**
     * Sets a value at a dotted path, creating intermediate mappings. A segment may index a list
     * that the tree already holds, {@code network.layers[0].size}: lists are never created or
     * grown, since their other elements would be left undefined.
     */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < keys.length; i++) {
            Segment s = Segment.of(keys[i], path);
            boolean last = i == keys.length - 1;
            ObjectNode parent = (ObjectNode) node;
            if (s.index() < 0) {
                if (last) {
                    parent.set(s.key(), value);
                    return;
                }
                JsonNode child = parent.get(s.key());
                if (!(child instanceof ObjectNode)) {
                    if (child != null && !child.isNull()) {
                        throw new ConfigException("cannot set '" + path + "': '" + prefix(keys, i)
                                + "' is a value, not a section");
                    }
                    child = parent.putObject(s.key());
                }
                node = child;
                continue;
            }
            JsonNode list = parent.get(s.key());
            if (!(list instanceof ArrayNode array) || s.index() >= array.size()) {
                throw new ConfigException("cannot set '" + path + "': the configuration has no element " + s.index()
                        + " of '" + prefix(keys, i).replaceAll("\\[\\d+]$", "") + "'; give the list in the "
                        + "configuration file, then override its elements");
            }
            if (last) {
                array.set(s.index(), value);
                return;
            }
            JsonNode element = array.get(s.index());
            if (!(element instanceof ObjectNode)) {
                throw new ConfigException("cannot set '" + path + "': '" + prefix(keys, i) + "' is a value, not a section");
            }
            node = element;
        }
    }

    /** One segment of a dotted path: a key, and the list index after it ({@code -1}: none). */
    private record Segment(String key, int index) {
        static Segment of(String segment, String path) {
            int open = segment.indexOf('[');
            if (open < 0) {
                return new Segment(segment, -1);
            }
            String digits = segment.endsWith("]") ? segment.substring(open + 1, segment.length() - 1) : "";
            if (open == 0 || !digits.matches("\\d{1,9}")) {
                throw new ConfigException("cannot set '" + path + "': '" + segment + "' is not key[index] "
                        + "(e.g. layers[0])");
            }
            return new Segment(segment.substring(0, open), Integer.parseInt(digits));
        }
    }

    private static String prefix(String[] keys, int last) {
        return String.join(".", java.util.Arrays.copyOf(keys, last + 1));
    }

    /** Writes the tree as YAML text. */
    public static String toYaml(JsonNode tree) {
        return YAML.writeValueAsString(tree);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
