package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import io.delaynet.run.ResolvedConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that every key a task overrides is one its method knows, so that a misspelt key in a
 * sweep file is an error before the first run trains rather than when its point comes up. The
 * method's defaults list every key it accepts; a list index steps into the defaults' first
 * element (the layers of a network share their keys), and an empty section accepts any key
 * (its entries are the user's, e.g. a table of named values).
 */
final class KnownKeys {
    private KnownKeys() {
    }

    /** @throws ConfigException naming the first unknown key of the task's overrides */
    static void check(RunTask task, String where) {
        ResolvedConfig resolved = task.resolve();
        ObjectNode defaults = resolved.method().defaults(task.config().parse());
        for (String override : task.overrides()) {
            String key = override.substring(0, override.indexOf('=')).trim();
            if (!known(defaults, key)) {
                throw new ConfigException(where + ": method " + resolved.method().name() + " has no key '" + key
                        + "'; 'delaynet config --method " + resolved.method().name() + "' lists its keys");
            }
        }
    }

    static boolean known(JsonNode defaults, String key) {
        JsonNode node = defaults;
        for (String segment : key.split("\\.")) {
            int open = segment.indexOf('[');
            String name = open < 0 ? segment : segment.substring(0, open);
            if (!node.isObject()) {
                return false;
            }
            if (node.isEmpty()) {
                return true;
            }
            node = node.get(name);
            if (node == null) {
                return false;
            }
            if (open >= 0) {
                if (!node.isArray()) {
                    return false;
                }
                if (node.isEmpty()) {
                    return true;
                }
                node = node.get(0);
            }
        }
        return true;
    }
}
