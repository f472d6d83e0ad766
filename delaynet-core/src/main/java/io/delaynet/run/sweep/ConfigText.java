package io.delaynet.run.sweep;

import io.delaynet.config.ConfigTree;
import io.delaynet.run.ResolvedConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A configuration as text, before the method's defaults and any overrides are applied: what a
 * sweep point starts from. Holding the text rather than a file name makes a point self-contained,
 * so it can run on a machine that never saw the file.
 *
 * @param text   YAML or JSON text ("" for the built-in default)
 * @param origin names the text in error messages (the file it came from)
 * @param name   the runs' short name (the summary's {@code config}); null names them after the method
 */
public record ConfigText(String text, String origin, String name) implements Serializable {

    public ConfigText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /** The content of a configuration file, named after the file; checked to be a YAML mapping. */
    public static ConfigText of(Path file) {
        ConfigText config = new ConfigText(ConfigTree.readText(file), file.toString(), ResolvedConfig.nameOf(file));
        config.parse();
        return config;
    }

    /** A configuration tree (a partial one, or one already resolved) under a name. */
    public static ConfigText of(ObjectNode tree, String name) {
        return new ConfigText(ConfigTree.toYaml(tree), name, Objects.requireNonNull(name, "name"));
    }

    /** The built-in default configuration (DelGrad on Yin-Yang), named after the method. */
    public static ConfigText builtIn() {
        return new ConfigText("", "defaults", null);
    }

    /** The text as a tree; a syntax error is a one-line {@link io.delaynet.config.ConfigException} naming the origin. */
    public ObjectNode parse() {
        return ConfigTree.parse(text, origin);
    }
}
