package io.delaynet.run;

import io.delaynet.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry of learning methods. Methods are found with {@link ServiceLoader}: every jar on the
 * class path may list implementations of {@link Method} in {@code META-INF/services/io.delaynet.run.Method}
 * (delaynet-core lists delgrad, delgrad-chip and stepped). So this package names no engine, and a
 * module adds a method without editing the library.
 *
 * <p>The order is the service files' order (class-path order, then line order), the same on every
 * call; it is the order of help texts and the configuration reference.
 */
public final class Methods {
    private Methods() {
    }

    /**
     * Every registered method, freshly instantiated (methods are stateless; loading the few
     * providers per call keeps the registry free of static state).
     *
     * @throws IllegalStateException when two providers claim the same name, a packaging mistake
     */
    public static List<Method> all() {
        List<Method> methods = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Method m : ServiceLoader.load(Method.class, Methods.class.getClassLoader())) {
            if (!names.add(m.name())) {
                throw new IllegalStateException("two registered methods are named '" + m.name()
                        + "'; check the META-INF/services/io.delaynet.run.Method files on the class path");
            }
            methods.add(m);
        }
        return List.copyOf(methods);
    }

    /** The method that {@code method: name} selects; an unknown name is a one-line {@link ConfigException}. */
    public static Method byName(String name) {
        List<Method> all = all();
        for (Method m : all) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new ConfigException("unknown method '" + name + "'; use one of: "
                + all.stream().map(Method::name).collect(Collectors.joining(", ")));
    }
}
