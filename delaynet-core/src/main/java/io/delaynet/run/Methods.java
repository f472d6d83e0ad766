package io.delaynet.run;

import io.delaynet.config.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/** The registry of learning methods: the one place a new method is added. */
public final class Methods {
    private Methods() {
    }

    public static List<Method> all() {
        return List.of(new io.delaynet.event.config.DelGradMethod(), new io.delaynet.hardware.config.ChipMethod(),
                new io.delaynet.stepped.SteppedMethod());
    }

    public static Method byName(String name) {
        for (Method m : all()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new ConfigException("unknown method '" + name + "'; use one of: "
                + all().stream().map(Method::name).collect(Collectors.joining(", ")));
    }
}
