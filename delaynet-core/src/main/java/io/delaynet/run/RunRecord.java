package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.io.Checkpoint;
import io.delaynet.io.Json;
import io.delaynet.io.ModelFile;
import io.delaynet.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a run folder holds, finished or not: the saved configuration, provenance, the metrics of
 * every finished epoch, the summary (only once finished) and the latest parameters (the model of a
 * finished run, else the last checkpoint). The report reads a run through this, and so can anything
 * else that looks at finished or half-finished runs (a sweep's table, a notebook).
 *
 * @param parameters      null when not even one epoch finished
 * @param parametersFile  where the parameters came from
 * @param summary         null for an unfinished run
 */
public record RunRecord(RunFolder folder, ObjectNode config, String configText, Map<String, Object> provenance,
                        List<EpochMetrics> history, RunSummary summary, Map<String, double[]> parameters,
                        Path parametersFile) {

    public boolean finished() {
        return summary != null;
    }

    /** The epochs the configuration asks for. */
    public int plannedEpochs() {
        return config.path("training").path("epochs").asInt(history.size());
    }

    public String name() {
        Path name = folder.dir().toAbsolutePath().normalize().getFileName();
        return name == null ? folder.dir().toString() : name.toString();
    }

    /** Reads a run folder; a missing or damaged file is a one-line {@link ConfigException}. */
    public static RunRecord read(Path dir) {
        RunFolder folder = new RunFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("run folder " + dir + " does not exist; pass the folder that 'delaynet train' created");
        }
        if (!Files.isRegularFile(folder.config())) {
            throw new ConfigException(dir + " is not a run folder (no config.yaml); pass the folder that 'delaynet train' created");
        }
        String configText = readText(folder.config());
        ObjectNode config = ConfigTree.parse(configText, folder.config().toString());
        Map<String, Object> provenance = Files.isRegularFile(folder.provenance()) ? jsonMap(folder.provenance()) : Map.of();
        RunSummary summary = Files.isRegularFile(folder.summary()) ? summary(folder.summary()) : null;
        List<EpochMetrics> history = new ArrayList<>();
        Map<String, double[]> parameters = null;
        Path parametersFile = null;
        if (Files.isRegularFile(folder.checkpoint())) {
            Checkpoint cp = Checkpoint.read(folder.checkpoint());
            history.addAll(cp.history());
            parameters = cp.parameters();
            parametersFile = folder.checkpoint();
        } else if (Files.isRegularFile(folder.metricsJson())) {
            history.addAll(metrics(folder.metricsJson()));
        }
        if (summary != null && Files.isRegularFile(folder.model())) {
            parameters = ModelFile.read(folder.model()).parameters();
            parametersFile = folder.model();
        }
        return new RunRecord(folder, config, configText, provenance, List.copyOf(history), summary, parameters,
                parametersFile);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); check the folder's permissions");
        }
    }

    private static RunSummary summary(Path file) {
        try {
            return RunSummary.fromJson(json(file));
        } catch (IllegalArgumentException e) {
            throw damaged(file);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonMap(Path file) {
        JsonNode node = json(file);
        if (!node.isObject()) {
            throw damaged(file);
        }
        return Json.MAPPER.convertValue(node, Map.class);
    }

    private static List<EpochMetrics> metrics(Path file) {
        JsonNode rows = json(file);
        if (!rows.isArray()) {
            throw damaged(file);
        }
        List<EpochMetrics> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(new EpochMetrics(r.path("epoch").asInt() - 1, r.path("train_loss").asDouble(),
                    r.path("train_accuracy").asDouble(), r.path("validation_loss").asDouble(),
                    r.path("validation_accuracy").asDouble(), r.path("train_seconds").asDouble(),
                    r.path("eval_seconds").asDouble(), r.path("skipped_steps").asInt()));
        }
        return out;
    }

    private static JsonNode json(Path file) {
        try {
            JsonNode node = Json.parse(readText(file));
            if (node == null) {
                throw damaged(file);
            }
            return node;
        } catch (JacksonException e) {
            throw damaged(file);
        }
    }

    private static ConfigException damaged(Path file) {
        return new ConfigException(file + " is damaged or truncated (not the JSON a run writes); "
                + "restore it, or delete it to build the report without it");
    }
}
