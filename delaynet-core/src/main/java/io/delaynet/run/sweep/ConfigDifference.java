package io.delaynet.run.sweep;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Where two configuration trees first differ, for refusing to continue a run in a folder that was
 * made with other settings. Numbers compare by value (1 and 1.0 are the same setting), so that a
 * tree read back from YAML matches the one it was written from.
 *
 * @param path  the dotted key ({@code network.layers[1].size})
 * @param left  the value in the first tree, null where the key is absent
 * @param right the value in the second tree, null where the key is absent
 */
record ConfigDifference(String path, JsonNode left, JsonNode right) {

    /** The first difference in sorted key order outside {@code ignored} (dotted paths), if any. */
    static Optional<ConfigDifference> first(JsonNode left, JsonNode right, Set<String> ignored) {
        return Optional.ofNullable(first(left, right, "", ignored));
    }

    /** A value as the message shows it. */
    static String shown(JsonNode value) {
        return value == null ? "absent" : value.toString();
    }

    private static ConfigDifference first(JsonNode a, JsonNode b, String path, Set<String> ignored) {
        if (ignored.contains(path)) {
            return null;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>(a.propertyNames());
            keys.addAll(b.propertyNames());
            for (String key : keys) {
                ConfigDifference d = first(a.get(key), b.get(key), path.isEmpty() ? key : path + "." + key, ignored);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.iterator();
            Iterator<JsonNode> ib = b.iterator();
            for (int i = 0; ia.hasNext(); i++) {
                ConfigDifference d = first(ia.next(), ib.next(), path + "[" + i + "]", ignored);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return same(a, b) ? null : new ConfigDifference(path, a, b);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0; // NaN and infinities have no decimal form
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
