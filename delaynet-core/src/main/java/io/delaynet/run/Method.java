package io.delaynet.run;

import io.delaynet.config.ConfigDocs;
import io.delaynet.config.ConfigTree;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learning method the command line can run, selected by the config's top-level
 * {@code method:} key. A method owns its configuration sections and turns a resolved
 * configuration into an {@link Experiment}.
 */
public interface Method {
    /** The value of {@code method:} that selects this method, e.g. "delgrad". */
    String name();

    /** One line for help output. */
    String description();

    /** The complete default configuration tree (every key this method accepts, with its default). */
    ObjectNode defaults();

    /**
     * The defaults that a given user configuration is laid over: {@link #defaults()}, unless the
     * method has presets that the user's tree selects (a preset lies between the defaults and the
     * user's own keys).
     */
    default ObjectNode defaults(ObjectNode user) {
        return defaults();
    }

    /**
     * The defaults as YAML text with a comment on every key, in the layout {@link ConfigDocs}
     * reads: what {@code delaynet config} prints and the configuration reference is made from.
     * The fallback has no comments, which the documentation test reports as undocumented keys.
     */
    default String defaultsDocument() {
        return ConfigTree.toYaml(defaults());
    }

    /**
     * Builds the experiment from a resolved configuration (defaults already merged in).
     *
     * @throws io.delaynet.config.ConfigException for values that are wrong or inconsistent
     */
    Experiment build(ObjectNode resolved, RunContext context);
}
