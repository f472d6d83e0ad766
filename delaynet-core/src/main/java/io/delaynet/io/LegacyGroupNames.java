package io.delaynet.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads parameter-group names written before the event-driven engine counted its layers from 1.
 *
 * <p>Until model format 3 the event-driven methods named their groups {@code layer0.weights},
 * {@code layer0.delays}, {@code layer1.…}, while the time-stepped engine and the network description
 * counted from 1. A map that holds any group of layer 0 is therefore of the old kind (the new naming
 * has no layer 0), and every {@code layerN.} in it — also behind a prefix such as the best-epoch
 * copies' {@code best.} — becomes {@code layer(N+1).}. Maps without a layer 0 are returned as they are.
 */
public final class LegacyGroupNames {
    private static final Pattern LAYER = Pattern.compile("^(.*?)layer(\\d+)\\.(.*)$");

    private LegacyGroupNames() {
    }

    /** The map with old zero-based layer names counted from 1; the same map when none is zero-based. */
    public static Map<String, double[]> upgrade(Map<String, double[]> values) {
        boolean zeroBased = values.keySet().stream().anyMatch(LegacyGroupNames::isLayerZero);
        if (!zeroBased) {
            return values;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((name, v) -> out.put(upgrade(name), v));
        return out;
    }

    private static boolean isLayerZero(String name) {
        Matcher m = LAYER.matcher(name);
        return m.matches() && Integer.parseInt(m.group(2)) == 0;
    }

    private static String upgrade(String name) {
        Matcher m = LAYER.matcher(name);
        return m.matches() ? m.group(1) + "layer" + (Integer.parseInt(m.group(2)) + 1) + "." + m.group(3) : name;
    }
}
