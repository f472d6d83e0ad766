package io.delaynet.nir;

import io.delaynet.io.Json;
import io.delaynet.io.ModelFile;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.DescriptionJson;
import io.delaynet.run.RunFolder;
import io.delaynet.run.TrainedModel;
import io.delaynet.stepped.network.SteppedDescriptions;
import io.delaynet.event.EventDescriptions;
import io.delaynet.train.ParameterGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trained models to NIR files and back: what {@code delaynet export --format nir} and
 * {@code delaynet import} do. An export carries, besides the graph, the run's resolved
 * configuration as graph metadata ({@value #CONFIG}), so importing a delaynet export gives a model
 * folder that {@code delaynet eval} evaluates like the original; a graph from another framework
 * gives a folder with its network description only ({@code network.json}).
 */
public final class NirModels {
    /** Graph metadata: the exported run's resolved configuration, as JSON. */
    public static final String CONFIG = "delaynet.config";

    private NirModels() {
    }

    /** The NIR graph of a trained model: its network description, plus its configuration. */
    public static NirGraph export(TrainedModel model) {
        return export(model, NirExport.FANOUT_LIMIT);
    }

    /** As {@link #export(TrainedModel)}, per-synapse fan-outs of at most {@code fanoutLimit} values (else lag banks). */
    public static NirGraph export(TrainedModel model, long fanoutLimit) {
        NirGraph g = NirExport.export(model.network(), fanoutLimit);
        Map<String, String> meta = new LinkedHashMap<>(g.metadata());
        meta.put(CONFIG, Json.write(model.config().tree()));
        return new NirGraph(g.version(), g.nodes(), g.edges(), meta);
    }

    /** What an import wrote. */
    public record Imported(NetworkDescription network, Path written, boolean evaluable) {
    }

    /**
     * Imports {@code graph} into folder {@code out}: {@code model.json} when the graph carries a
     * delaynet configuration (weights and delays from the graph, not from the original run), else
     * {@code network.json}. An event-driven (DelGrad) export becomes a DelGrad model whose
     * configuration is the original one with its delays written as they are ({@link NirEventConfig}),
     * which {@code delaynet eval} runs with the exact event engine.
     */
    public static Imported importTo(NirGraph graph, Path out, NirImport.Options options) {
        NetworkDescription d = NirImport.toDescription(graph, options);
        try {
            Files.createDirectories(out);
            String config = graph.metadata().get(CONFIG);
            if (config == null) {
                Path file = out.resolve("network.json");
                Files.writeString(file, Json.write(DescriptionJson.toJson(d)));
                return new Imported(d, file, false);
            }
            JsonNode tree = Json.parse(config);
            if (!(tree instanceof ObjectNode original)) {
                throw new NirException("the NIR graph's " + CONFIG + " is not a configuration", "re-export the model");
            }
            ObjectNode object = original;
            List<ParameterGroup> groups;
            if (d.time().isContinuous()) {
                object = NirEventConfig.realising(object, d);
                try {
                    groups = EventDescriptions.build(d).parameters();
                } catch (IllegalArgumentException e) {
                    throw new NirException("the event-driven export cannot be an event-driven model: " + e.getMessage(),
                            "import delaynet's own DelGrad exports");
                }
            } else {
                groups = SteppedDescriptions.build(d, SteppedDescriptions.Options.forInference()).parameters();
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            for (ParameterGroup p : groups) {
                values.put(p.name(), p.values().clone());
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("imported_from", "NIR graph (version " + graph.version() + ")");
            Path file = new RunFolder(out).model();
            new ModelFile(object, values, provenance, Optional.of(d)).write(file);
            return new Imported(d, file, true);
        } catch (IOException e) {
            throw new NirException("cannot write " + out + " (" + e.getMessage() + ")", "check that the folder is writable", e);
        }
    }

    /** The trained model in {@code run} (a run folder or model.json). */
    public static TrainedModel load(Path run) {
        return TrainedModel.load(run);
    }
}
