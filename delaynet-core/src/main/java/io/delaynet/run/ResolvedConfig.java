package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.train.StreamingLearner;
import io.delaynet.train.UpdateSchedule;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's configuration after every layer is applied: the method's defaults, then the user's file,
 * then command-line overrides. The tree is what gets saved with the run and the model.
 *
 * @param method the selected method
 * @param tree   the complete configuration
 * @param name   a short name for the run folder (the config file's base name, or the method)
 */
public record ResolvedConfig(Method method, ObjectNode tree, String name) {

    /** Resolves a config file (or none, for the built-in default) plus {@code key.path=value} overrides. */
    public static ResolvedConfig resolve(Path file, List<String> overrides) {
        ObjectNode user = file == null ? ConfigTree.parse("", "defaults") : ConfigTree.read(file);
        return resolve(user, file == null ? null : nameOf(file), overrides);
    }

    /**
     * Resolves a configuration tree (a file's content, or an already resolved tree) plus
     * overrides; {@code user} itself is left unchanged.
     *
     * @param name the run's short name; null names it after the method
     */
    public static ResolvedConfig resolve(ObjectNode user, String name, List<String> overrides) {
        ObjectNode patched = user.deepCopy();
        for (String o : overrides) {
            ConfigTree.override(patched, o);
        }
        JsonNode m = patched.get("method");
        if (m != null && !m.isString()) {
            throw new ConfigException("config: 'method' must be a name such as delgrad, got " + m);
        }
        Method method = Methods.byName(m == null ? "delgrad" : m.asString());
        ObjectNode tree = ConfigTree.merge(method.defaults(patched), patched);
        tree.put("method", method.name());
        return new ResolvedConfig(method, tree, name == null ? method.name() : name);
    }

    /** Re-resolves a saved configuration tree (from a model or run folder). */
    public static ResolvedConfig ofTree(ObjectNode saved, String name) {
        JsonNode m = saved.get("method");
        Method method = Methods.byName(m == null ? "delgrad" : m.asString());
        return new ResolvedConfig(method, ConfigTree.merge(method.defaults(saved), saved), name);
    }

    /** The number of epochs the run trains in all (the shared {@code training.epochs} key). */
    public int epochs() {
        return tree.path("training").path("epochs").asInt(0);
    }

    /**
     * Builds the method's experiment, and checks what no method can check alone: in-sample updates
     * ({@code training.update.every: steps}) need a learner that can apply them.
     */
    public Experiment build(RunContext context) {
        Experiment experiment;
        try {
            experiment = method.build(tree, context);
        } catch (IllegalArgumentException e) {
            // the network's own checks (e.g. a threshold above the resting potential) see only config values here
            throw new ConfigException("config: " + e.getMessage() + "; fix that value in the configuration", e);
        }
        if (experiment.training().update().schedule() instanceof UpdateSchedule.EverySteps
                && !(experiment.learner() instanceof StreamingLearner<?>)) {
            throw new ConfigException("training.update.every: steps needs a method that updates inside a sample, "
                    + "and method '" + method.name() + "' cannot; use training.update.every: batch or sample");
        }
        return experiment;
    }

    /** The name a configuration file gives its runs: the file name without its extension. */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
