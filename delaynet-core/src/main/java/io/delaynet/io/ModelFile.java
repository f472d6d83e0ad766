package io.delaynet.io;

import io.delaynet.config.ConfigException;
import io.delaynet.train.ParameterGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained model: the resolved configuration that builds the network, the values of every
 * parameter group, and provenance. Any method's model is rebuilt by building its experiment from
 * the configuration and overwriting the parameters by name, so one format serves all methods.
 *
 * @param config     the resolved configuration tree
 * @param parameters parameter values by group name
 * @param provenance free-form facts about how the model was made
 */
public record ModelFile(ObjectNode config, Map<String, double[]> parameters, Map<String, Object> provenance) {
    public static final String FORMAT = "delaynet-model";
    /** Version 2 added the base64 encoding of large groups; version 1 files (all lists) still read. */
    public static final int VERSION = 2;

    public static ModelFile of(ObjectNode config, List<ParameterGroup> groups, Map<String, Object> provenance) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterGroup g : groups) {
            values.put(g.name(), g.values().clone());
        }
        return new ModelFile(config, values, provenance);
    }

    public void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("provenance", provenance);
        doc.put("config", config);
        Map<String, Object> stored = new LinkedHashMap<>();
        parameters.forEach((name, values) -> stored.put(name, StoredDoubles.toJson(values)));
        doc.put("parameters", stored);
        AtomicFiles.writeString(file, Json.write(doc));
    }

    /** Reads a model file; any problem is a {@link ConfigException} naming the file and the fix. */
    public static ModelFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("model file " + file + " does not exist; pass the model.json of a finished run");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException("cannot read model file " + file + " (" + e.getMessage() + ")");
        }
        JsonNode doc;
        try {
            doc = Json.parse(text);
        } catch (JacksonException e) {
            throw new ConfigException("model file " + file + " is damaged or truncated (not valid JSON); "
                    + "re-run training or use the checkpoint in the run folder");
        }
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asString(""))) {
            throw new ConfigException(file + " is not a DelayNet model file (no \"format\": \"" + FORMAT + "\")");
        }
        int version = doc.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new ConfigException("model file " + file + " has format version " + doc.path("version")
                    + "; this DelayNet reads versions 1 to " + VERSION);
        }
        if (!(doc.get("config") instanceof ObjectNode config) || !doc.path("parameters").isObject()) {
            throw new ConfigException("model file " + file + " lacks its config or parameters; it is damaged");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : doc.get("parameters").properties()) {
            values.put(e.getKey(), StoredDoubles.fromJson(e.getValue(), "model file " + file + ": parameters." + e.getKey()));
        }
        Map<String, Object> provenance = Json.MAPPER.convertValue(doc.path("provenance"), Map.class);
        return new ModelFile(config, values, provenance == null ? Map.of() : provenance);
    }

    /** Copies the stored values into the groups of a freshly built experiment, checking names and sizes. */
    public void applyTo(List<ParameterGroup> groups, Path file) {
        for (ParameterGroup g : groups) {
            double[] v = parameters.get(g.name());
            if (v == null) {
                throw new ConfigException("model file " + file + " has no values for " + g.name() + "; it does not match its config");
            }
            if (v.length != g.size()) {
                throw new ConfigException("model file " + file + ": " + g.name() + " has " + v.length + " values, the network needs "
                        + g.size() + "; the file is damaged or was made for a network of another shape");
            }
            System.arraycopy(v, 0, g.values(), 0, v.length);
        }
    }
}
