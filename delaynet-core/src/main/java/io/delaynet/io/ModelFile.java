package io.delaynet.io;

import io.delaynet.config.ConfigException;
import io.delaynet.model.DescriptionJson;
import io.delaynet.model.NetworkDescription;
import io.delaynet.train.ParameterGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained model: the network it is, engine-neutral ({@code network}: a
 * {@link NetworkDescription}, what inspection, export and reports read without any data set), the
 * resolved configuration that built and trained it, the values of every parameter group in the
 * engine's own form (what continued training and evaluation load: a method rebuilds its
 * experiment from the configuration and overwrites the parameters by name), and provenance.
 *
 * @param config     the resolved configuration tree
 * @param parameters parameter values by group name
 * @param provenance free-form facts about how the model was made
 * @param network    the network description; empty for files written before version 3
 */
public record ModelFile(ObjectNode config, Map<String, double[]> parameters, Map<String, Object> provenance,
                        Optional<NetworkDescription> network) {
    public static final String FORMAT = "delaynet-model";
    /**
     * Version 3 added the network description; version 2 the base64 encoding of large groups;
     * version 1 and 2 files still read.
     */
    public static final int VERSION = 3;

    public ModelFile(ObjectNode config, Map<String, double[]> parameters, Map<String, Object> provenance) {
        this(config, parameters, provenance, Optional.empty());
    }

    public static ModelFile of(ObjectNode config, List<ParameterGroup> groups, Map<String, Object> provenance,
                               Optional<NetworkDescription> network) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ParameterGroup g : groups) {
            values.put(g.name(), g.values().clone());
        }
        return new ModelFile(config, LegacyGroupNames.upgrade(values), provenance, network);
    }

    public void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("provenance", provenance);
        doc.put("config", config);
        network.ifPresent(n -> doc.put("network", DescriptionJson.toJson(n)));
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
        Optional<NetworkDescription> network = doc.has("network")
                ? Optional.of(DescriptionJson.fromJson(doc.get("network"), "model file " + file + ": network"))
                : Optional.empty();
        return new ModelFile(config, LegacyGroupNames.upgrade(values), provenance == null ? Map.of() : provenance, network);
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
