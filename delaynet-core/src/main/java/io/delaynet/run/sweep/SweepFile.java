package io.delaynet.run.sweep;

import io.delaynet.config.ConfigException;
import io.delaynet.config.ConfigTree;
import io.delaynet.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sweep file ({@code sweeps/*.yaml}) read and checked: the configuration every run starts
 * from, overrides for all runs, the axes (each a list of values, a value being a configuration
 * key's value or a whole example to start from), overrides for combinations of axis values, the
 * seeds and the plots. docs/sweeps.md describes the format. Every mistake is a one-line
 * {@link ConfigException} naming the file and the key, raised while reading, before any run starts.
 * File names in the sweep file are relative to the sweep file's folder; their text is read in, so
 * the runs are self-contained.
 *
 * @param name  the sweep's name (the file's base name)
 * @param title a title for the index page and plots
 * @param base  the configuration the runs start from (the built-in default when the file names none)
 * @param set   overrides for every run, applied first
 * @param rules overrides for runs whose labels match, applied after the axes' own
 */
public record SweepFile(String name, String title, ConfigText base, List<String> set, List<SweepAxis> axes,
                        List<Rule> rules, List<Long> seeds, List<SweepPlot> plots) {

    /** The axis key whose values are configuration files, each replacing the base. */
    public static final String EXAMPLE = "example";
    private static final Set<String> TOP_KEYS = Set.of("title", "base", "set", "axes", "when", "seeds", "plots");
    /** Columns a plot may put on an axis besides the sweep's axes: the numeric summary fields. */
    static final List<String> NUMERIC_COLUMNS = Stream.concat(Stream.of("seed"),
            RunSummary.KEYS.stream().filter(k -> !k.equals("method") && !k.equals("config") && !k.equals("seed"))).toList();

    /**
     * Overrides for the runs whose labels match.
     *
     * @param match     axis name to label; a run matches when it carries every one
     * @param overrides the overrides
     */
    public record Rule(Map<String, String> match, List<String> overrides) {
        public Rule {
            match = Map.copyOf(match);
            overrides = List.copyOf(overrides);
        }
    }

    public SweepFile {
        set = List.copyOf(set);
        axes = List.copyOf(axes);
        rules = List.copyOf(rules);
        seeds = List.copyOf(seeds);
        plots = List.copyOf(plots);
    }

    /** Reads and checks a sweep file. */
    public static SweepFile read(Path file) {
        ObjectNode root = ConfigTree.read(file);
        Reader r = new Reader(file);
        for (String key : root.propertyNames()) {
            if (!TOP_KEYS.contains(key)) {
                throw r.error("unknown key '" + key + "'; a sweep file has " + String.join(", ", TOP_KEYS.stream().sorted().toList()));
            }
        }
        String name = io.delaynet.run.ResolvedConfig.nameOf(file);
        String title = root.has("title") ? r.text(root.get("title"), "title") : name;
        ConfigText base = root.has("base") ? r.config(root.get("base"), "base") : ConfigText.builtIn();
        List<String> set = r.overrides(root.get("set"), "set");
        List<SweepAxis> axes = r.axes(root.get("axes"));
        List<Rule> rules = r.rules(root.get("when"), axes);
        List<Long> seeds = r.seeds(root.get("seeds"));
        List<SweepPlot> plots = r.plots(root.get("plots"), axes);
        return new SweepFile(name, title, base, set, axes, rules, seeds, plots);
    }

    /** The axes' names, in column order. */
    public List<String> axisNames() {
        return axes.stream().map(SweepAxis::name).toList();
    }

    /**
     * The sweep's points, each in its own folder under {@code out}: every combination of axis
     * values (the first axis varying slowest), each with every seed. A point's overrides are the
     * file's {@code set}, then each axis value's own in axis order, then the matching
     * {@code when} rules in file order; the seed comes last.
     */
    public Sweep sweep(Path out) {
        List<SweepPoint> points = new ArrayList<>();
        List<List<SweepAxis.Value>> combinations = new ArrayList<>();
        combine(0, new ArrayList<>(), combinations);
        for (List<SweepAxis.Value> combination : combinations) {
            Map<String, String> labels = new LinkedHashMap<>();
            ConfigText config = base;
            List<String> overrides = new ArrayList<>(set);
            StringBuilder folder = new StringBuilder();
            for (int a = 0; a < axes.size(); a++) {
                SweepAxis.Value v = combination.get(a);
                labels.put(axes.get(a).name(), v.label());
                if (v.example() != null) {
                    config = v.example();
                }
                overrides.addAll(v.overrides());
                folder.append(safe(axes.get(a).name())).append('-').append(safe(v.label())).append('_');
            }
            for (Rule rule : rules) {
                if (rule.match().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
                    overrides.addAll(rule.overrides());
                }
            }
            for (long seed : seeds) {
                points.add(new SweepPoint(labels, seed, config, overrides, out.resolve(folder + "seed" + seed)));
            }
        }
        Sweep sweep = new Sweep(axisNames(), points);
        for (SweepPoint p : points) {
            KnownKeys.check(p.task(), "sweep file");
        }
        return sweep;
    }

    private void combine(int axis, List<SweepAxis.Value> prefix, List<List<SweepAxis.Value>> out) {
        if (axis == axes.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (SweepAxis.Value v : axes.get(axis).values()) {
            prefix.add(v);
            combine(axis + 1, prefix, out);
            prefix.removeLast();
        }
    }

    /** A label as part of a folder name: letters, digits, dots and dashes; anything else becomes a dash. */
    static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9.\\-]", "-");
    }

    /** The parts of a sweep file, each read with errors naming the file and the key. */
    private record Reader(Path file) {

        ConfigException error(String message) {
            return new ConfigException("sweep file " + file + ": " + message);
        }

        String text(JsonNode node, String key) {
            if (node == null || !node.isString() || node.asString().isBlank()) {
                throw error("'" + key + "' must be a non-empty text");
            }
            return node.asString();
        }

        ConfigText config(JsonNode node, String key) {
            Path path = file.toAbsolutePath().getParent().resolve(text(node, key)).normalize();
            if (!Files.isRegularFile(path)) {
                throw error("'" + key + "' names " + node.asString() + ", which is no file at " + path
                        + " (names are relative to the sweep file's folder)");
            }
            return ConfigText.of(path);
        }

        /** A mapping of dotted keys to values, as overrides; absent: none. */
        List<String> overrides(JsonNode node, String key) {
            if (node == null) {
                return List.of();
            }
            if (!node.isObject()) {
                throw error("'" + key + "' must be a mapping of configuration keys to values, e.g. training.epochs: 3");
            }
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals(EXAMPLE)) {
                    throw error("'" + key + "' sets '" + EXAMPLE + "', which is no configuration key; make it an axis");
                }
                out.add(e.getKey() + "=" + e.getValue().toString());
            }
            return out;
        }

        static String label(JsonNode v) {
            return v.isString() ? v.asString() : v.toString();
        }

        List<SweepAxis> axes(JsonNode node) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw error("'axes' must be a non-empty list, e.g. [{name: hidden, key: network.layers[0].size, values: [5, 10]}]");
            }
            List<SweepAxis> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int examples = 0;
            for (int i = 0; i < node.size(); i++) {
                JsonNode a = node.get(i);
                String where = "axes[" + i + "]";
                if (!a.isObject()) {
                    throw error("'" + where + "' must be a mapping with name, values and optionally key");
                }
                for (String k : a.propertyNames()) {
                    if (!Set.of("name", "key", "values").contains(k)) {
                        throw error("unknown key '" + where + "." + k + "'; an axis has name, key and values");
                    }
                }
                String name = text(a.get("name"), where + ".name");
                if (!names.add(name)) {
                    throw error("two axes are named '" + name + "'; give every axis its own name");
                }
                if (NUMERIC_COLUMNS.contains(name) || name.equals("method") || name.equals("config")
                        || name.equals(SweepTable.RUN_FOLDER)) {
                    throw error("axis '" + name + "' has the name of a column of the results table; give it another name");
                }
                String key = a.has("key") ? text(a.get("key"), where + ".key") : null;
                JsonNode values = a.get("values");
                if (values == null || !values.isArray() || values.isEmpty()) {
                    throw error("'" + where + ".values' must be a non-empty list");
                }
                List<SweepAxis.Value> vs = new ArrayList<>();
                Set<String> labels = new HashSet<>();
                boolean example = false;
                for (int j = 0; j < values.size(); j++) {
                    SweepAxis.Value v = value(values.get(j), key, where + ".values[" + j + "]");
                    if (!labels.add(v.label())) {
                        throw error("axis '" + name + "' has the label '" + v.label() + "' twice");
                    }
                    example |= v.example() != null;
                    vs.add(v);
                }
                if (example && vs.stream().anyMatch(v -> v.example() == null)) {
                    throw error("axis '" + name + "': either every value names an example or none does");
                }
                examples += example ? 1 : 0;
                out.add(new SweepAxis(name, vs));
            }
            if (examples > 1) {
                throw error("more than one axis names examples; a run starts from one configuration");
            }
            return out;
        }

        /** A scalar value of the axis's key, or a mapping {label, example, set}. */
        SweepAxis.Value value(JsonNode v, String key, String where) {
            if (v.isObject()) {
                for (String k : v.propertyNames()) {
                    if (!Set.of("label", EXAMPLE, "set").contains(k)) {
                        throw error("unknown key '" + where + "." + k + "'; a value has label, example and set");
                    }
                }
                ConfigText example = v.has(EXAMPLE) ? config(v.get(EXAMPLE), where + "." + EXAMPLE) : null;
                String label = v.has("label") ? text(v.get("label"), where + ".label")
                        : example != null ? example.name() : null;
                if (label == null) {
                    throw error("'" + where + "' needs a label");
                }
                return new SweepAxis.Value(label, example, overrides(v.get("set"), where + ".set"));
            }
            if (key == null) {
                throw error("'" + where + "' is a plain value, but its axis has no key; give the axis a key, "
                        + "or the value a mapping {label, example, set}");
            }
            if (!v.isValueNode() && !v.isArray()) {
                throw error("'" + where + "' must be a value");
            }
            if (key.equals(EXAMPLE)) {
                ConfigText example = config(v, where);
                return new SweepAxis.Value(example.name(), example, List.of());
            }
            return new SweepAxis.Value(label(v), null, List.of(key + "=" + v));
        }

        List<Rule> rules(JsonNode node, List<SweepAxis> axes) {
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("'when' must be a list of {match: {AXIS: LABEL, ...}, set: {KEY: VALUE, ...}}");
            }
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode r = node.get(i);
                String where = "when[" + i + "]";
                if (!r.isObject() || !(r.get("match") instanceof ObjectNode match) || r.get("set") == null
                        || r.size() != 2) {
                    throw error("'" + where + "' must be {match: {AXIS: LABEL, ...}, set: {KEY: VALUE, ...}}");
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : match.properties()) {
                    SweepAxis axis = axes.stream().filter(a -> a.name().equals(e.getKey())).findFirst()
                            .orElseThrow(() -> error("'" + where + ".match' names no axis '" + e.getKey() + "'"));
                    String label = label(e.getValue());
                    if (axis.values().stream().noneMatch(v -> v.label().equals(label))) {
                        throw error("'" + where + ".match': axis '" + axis.name() + "' has no label '" + label + "'");
                    }
                    m.put(e.getKey(), label);
                }
                out.add(new Rule(m, overrides(r.get("set"), where + ".set")));
            }
            return out;
        }

        List<Long> seeds(JsonNode node) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw error("'seeds' must be a non-empty list of whole numbers, e.g. [1, 2, 3]");
            }
            List<Long> out = new ArrayList<>();
            for (JsonNode s : node) {
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw error("'seeds' must hold whole numbers, got " + s);
                }
                if (out.contains(s.longValue())) {
                    throw error("seed " + s.longValue() + " appears twice in 'seeds'");
                }
                out.add(s.longValue());
            }
            return out;
        }

        List<SweepPlot> plots(JsonNode node, List<SweepAxis> axes) {
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("'plots' must be a list of {name, x, y, series}");
            }
            List<String> axisNames = axes.stream().map(SweepAxis::name).toList();
            List<SweepPlot> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode p = node.get(i);
                String where = "plots[" + i + "]";
                if (!p.isObject()) {
                    throw error("'" + where + "' must be a mapping {name, x, y, series, title}");
                }
                for (String k : p.propertyNames()) {
                    if (!Set.of("name", "x", "y", "series", "title").contains(k)) {
                        throw error("unknown key '" + where + "." + k + "'; a plot has name, x, y, series and title");
                    }
                }
                String name = text(p.get("name"), where + ".name");
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9.\\-_]*") || !names.add(name)) {
                    throw error("'" + where + ".name' must be a distinct file name of letters, digits, dots, dashes");
                }
                String x = column(p.get("x"), where + ".x", axisNames);
                String y = column(p.get("y"), where + ".y", axisNames);
                String series = null;
                if (p.has("series")) {
                    series = text(p.get("series"), where + ".series");
                    if (!axisNames.contains(series)) {
                        throw error("'" + where + ".series' must be an axis (" + String.join(", ", axisNames)
                                + "), got '" + series + "'");
                    }
                }
                String title = p.has("title") ? text(p.get("title"), where + ".title") : y + " against " + x;
                out.add(new SweepPlot(name, x, y, series, title));
            }
            return out;
        }

        String column(JsonNode node, String where, List<String> axisNames) {
            String c = text(node, where);
            if (!axisNames.contains(c) && !NUMERIC_COLUMNS.contains(c)) {
                throw error("'" + where + "' must be an axis or a numeric column (" + String.join(", ", NUMERIC_COLUMNS)
                        + "), got '" + c + "'");
            }
            return c;
        }
    }
}
