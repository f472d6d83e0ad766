package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.io.ModelFile;
import io.delaynet.train.Evaluation;
import io.delaynet.train.Learner;
import io.delaynet.train.Split;
import io.delaynet.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained network rebuilt for use: the experiment built from the saved configuration, with the
 * saved parameter values copied in. Everything that uses a trained model (the eval, inspect and
 * report commands, a sweep reading its results) loads it here, so all see exactly the network the
 * run ended with.
 *
 * @param file the model file the values came from (or the checkpoint, for an unfinished run)
 */
public record TrainedModel(Path file, ResolvedConfig config, Experiment experiment) {

    /** Loads {@code path}: a model.json, or a run folder holding one. */
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
        return of(file, model.config(), model.parameters(), context);
    }

    /** Builds the configured experiment and overwrites its parameters with {@code values}. */
    public static TrainedModel of(Path file, ObjectNode config, Map<String, double[]> values, RunContext context) {
        ResolvedConfig resolved = ResolvedConfig.ofTree(config, file.getFileName().toString());
        Experiment experiment = resolved.build(context);
        new ModelFile(config, values, Map.of()).applyTo(experiment.learner().parameters(), file);
        experiment.learner().afterStep();
        return new TrainedModel(file, resolved, experiment);
    }

    /**
     * Evaluates the model on a split, as the run's final evaluation did: the same numbers as the
     * summary's accuracy and loss for the kept parameters, whatever the thread count.
     */
    public Evaluation evaluate(Split split) {
        try (Trainer<Learner.Workspace> trainer = new Trainer<>(learner(), experiment.training().toOptions())) {
            return trainer.evaluate(split);
        }
    }

    /** The learner with its workspace type erased, as the trainer takes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Learner<Learner.Workspace> learner() {
        return (Learner) experiment.learner();
    }
}
