package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.io.ModelFile;
import io.delaynet.model.NetworkDescription;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Learner;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained model, for use. Loading reads the file only: the network description, the
 * configuration and the parameter values, no data set, so inspecting and exporting a model needs
 * nothing else. The experiment (the method bound to its data, with the saved values copied in) is
 * built on first use — what evaluation, per-sample inspection and reports need. Everything that
 * uses a trained model (the eval, inspect, export and report commands, a sweep reading its
 * results) loads it here, so all see exactly the network the run ended with.
 */
public final class TrainedModel {
    private final Path file;
    private final ResolvedConfig config;
    private final Map<String, double[]> values;
    private final Optional<NetworkDescription> storedNetwork;
    private final RunContext context;
    private Experiment experiment;

    private TrainedModel(Path file, ResolvedConfig config, Map<String, double[]> values,
                         Optional<NetworkDescription> storedNetwork, RunContext context) {
        this.file = file;
        this.config = config;
        this.values = values;
        this.storedNetwork = storedNetwork;
        this.context = context;
    }

    /** Reads {@code path} (a model.json, or a run folder holding one) without touching any data set. */
    public static TrainedModel load(Path path) {
        return load(path, new RunContext(null));
    }

    /**
     * As {@link #load(Path)}; {@code context} says where the data is when the experiment is built
     * later.
     */
    public static TrainedModel load(Path path, RunContext context) {
        Path file = path;
        if (Files.isDirectory(path)) {
            RunFolder run = new RunFolder(path);
            file = run.model();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(path + " holds no model.json"
                        + (Files.isRegularFile(run.checkpoint()) ? "; the run is unfinished: complete it with "
                                + "'delaynet train --resume " + path + "'" : "; pass the model.json of a finished run"));
            }
        }
        ModelFile model = ModelFile.read(file);
        return new TrainedModel(file, ResolvedConfig.ofTree(model.config(), file.getFileName().toString()),
                model.parameters(), model.network(), Objects.requireNonNull(context));
    }

    /** A model from a configuration and parameter values (a checkpoint's, say); built on first use. */
    public static TrainedModel of(Path file, ObjectNode config, Map<String, double[]> values, RunContext context) {
        return new TrainedModel(file, ResolvedConfig.ofTree(config, file.getFileName().toString()), values,
                Optional.empty(), context);
    }

    /** The file the values came from (or the checkpoint, for an unfinished run). */
    public Path file() {
        return file;
    }

    public ResolvedConfig config() {
        return config;
    }

    /** The network description stored in the file; empty for model files older than version 3. */
    public Optional<NetworkDescription> storedNetwork() {
        return storedNetwork;
    }

    /**
     * The network description: the stored one, or for older files the one the rebuilt experiment
     * gives (which needs the data set).
     */
    public NetworkDescription network() {
        if (storedNetwork.isPresent()) {
            return storedNetwork.get();
        }
        Experiment rebuilt;
        try {
            rebuilt = experiment();
        } catch (ConfigException e) {
            throw new ConfigException(file + " predates network descriptions (model format 3), so the network is rebuilt "
                    + "from its configuration, which failed: " + e.getMessage());
        }
        return rebuilt.description().orElseThrow(() -> new ConfigException(
                "method " + config.method().name() + " cannot describe its network"));
    }

    /** The method bound to its data, with the saved parameter values; built (and the data loaded) on first call. */
    public synchronized Experiment experiment() {
        if (experiment == null) {
            Experiment built = config.build(context);
            new ModelFile(config.tree(), values, Map.of()).applyTo(built.learner().parameters(), file);
            built.learner().afterStep();
            experiment = built;
        }
        return experiment;
    }

    /**
     * Evaluates the model on a split, as the run's final evaluation did: the same numbers as the
     * summary's accuracy and loss for the kept parameters, whatever the thread count.
     */
    public Evaluation evaluate(Split split) {
        try (Trainer<Learner.Workspace> trainer = new Trainer<>(learner(), experiment().training().toOptions())) {
            return trainer.evaluate(split);
        }
    }

    /** The learner with its workspace type erased, as the trainer takes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Learner<Learner.Workspace> learner() {
        return (Learner) experiment().learner();
    }
}
