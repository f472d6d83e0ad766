package io.delaynet.cli;

import io.delaynet.config.ConfigDocs;
import io.delaynet.run.Method;
import io.delaynet.run.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.instancio.Random;
import org.instancio.junit.GivenProvider;

/**
 * Generators for {@link BadInputFuzzTest}: configurations and command lines built from the keys
 * each method documents ({@code delaynet config --keys}, the defaults YAMLs), with values of every
 * kind that broke the promise before. Each generator draws from the seeded random number generator
 * Instancio hands it, so a failing case is reproduced by the seed the test report names.
 */
final class FuzzInputs {
    /** Kinds of value a key may be given. */
    enum Kind { VALID, SCALED, BOUNDARY, NON_FINITE, OVERFLOW, WRONG_TYPE }

    /** Boundary values of numbers: zero, signs, the ends of int, the smallest and largest doubles. */
    static final List<String> BOUNDARY = List.of("0", "-0.0", "1", "-1", "2", "0.5", "2147483647", "-2147483648",
            "2147483648", "1e-300", "4.9e-324", "1.7976931348623157e308", "-1.7976931348623157e308");
    /** Not-a-number and the infinities, in YAML's and Java's spellings, and a literal that overflows to infinity. */
    static final List<String> NON_FINITE = List.of(".nan", ".NaN", ".inf", "-.inf", "+.inf", "1e400", "-1e400", "NaN",
            "Infinity", "-Infinity");
    /** Whole numbers too large for an int or a long. */
    static final List<String> OVERFLOW = List.of("99999999999999999999", "-99999999999999999999", "3000000000",
            "9223372036854775808", "-9223372036854775809", "1e19", "123456789012345678901234567890");
    /** Text, booleans, nulls and collections where a number or a name belongs, and the reverse. */
    static final List<String> WRONG_TYPE = List.of("many", "true", "false", "null", "~", "[]", "{}", "[1, .nan]", "''",
            "{a: 1}", "0x1F", "1_000", "'3'", "[[1]]", "yes", "\"\"", "1,5", "- 1", "[1, 2, 3, 4, 5, 6, 7, 8, 9]");

    private FuzzInputs() {
    }

    /** The documented leaf keys of a method with their defaults (list entries, whose paths need an index, left out). */
    static List<ConfigDocs.Entry> keys(Method m) {
        List<ConfigDocs.Entry> out = new ArrayList<>();
        for (ConfigDocs.Entry e : ConfigDocs.parse(m.defaultsDocument()).entries()) {
            if (!e.section() && !e.path().contains("[]") && !e.path().equals("method")) {
                out.add(e);
            }
        }
        return out;
    }

    /** The documented sections of a method that are mappings (where an unknown key can hide), not lists. */
    static List<String> sections(Method m) {
        List<ConfigDocs.Entry> entries = ConfigDocs.parse(m.defaultsDocument()).entries();
        List<String> out = new ArrayList<>();
        for (ConfigDocs.Entry e : entries) {
            boolean list = entries.stream().anyMatch(o -> o.path().startsWith(e.path() + "[]"));
            if (e.section() && !e.path().contains("[]") && !list) {
                out.add(e.path());
            }
        }
        return out;
    }

    /** A value for {@code key} of the given kind, as a YAML scalar or flow collection. */
    static String value(Random r, ConfigDocs.Entry key, Kind kind) {
        return switch (kind) {
            case VALID -> key.defaultText().isEmpty() ? "null" : key.defaultText();
            case SCALED -> scaled(r, key.defaultText());
            case BOUNDARY -> r.oneOf(BOUNDARY);
            case NON_FINITE -> r.oneOf(NON_FINITE);
            case OVERFLOW -> r.oneOf(OVERFLOW);
            case WRONG_TYPE -> r.oneOf(WRONG_TYPE);
        };
    }

    /** A number's default times a power of ten or negated (near-valid values), anything else as it is. */
    private static String scaled(Random r, String text) {
        try {
            double d = Double.parseDouble(text);
            double factor = r.oneOf(-1.0, 10.0, 0.1, 1000.0, 1e-3, 1e6);
            double v = d == 0 ? factor : d * factor;
            boolean whole = text.matches("-?[0-9]+");
            return whole && Math.abs(v) < 9e18 && v == Math.rint(v) ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%s", v);
        } catch (NumberFormatException e) {
            return text.isEmpty() ? "null" : text;
        }
    }

    /** One of the methods every configuration can select. */
    static Method method(Random r) {
        return r.oneOf(Methods.all());
    }

    /** {@code --set key=value} arguments. */
    record Overrides(Method method, List<String> sets, long seed) {
        List<Object> args() {
            List<Object> out = new ArrayList<>(List.of("--set", "method=" + method.name()));
            for (String s : sets) {
                out.add("--set");
                out.add(s);
            }
            return out;
        }

        @Override
        public String toString() {
            return args() + " (drawn with @Seed(" + seed + "))";
        }
    }

    /** Draws 1 to 4 overrides of documented keys of {@code m}, each with a value of a random kind. */
    static Overrides overrides(Random r, Method m, List<ConfigDocs.Entry> keys, List<Kind> kinds) {
        long seed = r.getSeed();
        List<String> sets = new ArrayList<>();
        int n = r.intRange(1, 4);
        for (int i = 0; i < n; i++) {
            ConfigDocs.Entry key = r.oneOf(keys);
            sets.add(key.path() + "=" + value(r, key, r.oneOf(kinds)));
        }
        return new Overrides(m, sets, seed);
    }

    /** Overrides of any method's documented keys with values of every kind. */
    static final class AnyOverrides implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Method m = method(context.random());
            return overrides(context.random(), m, keys(m), List.of(Kind.values()));
        }
    }

    /**
     * Overrides of DelGrad's keys for runs that train: the epochs and the data set keep the tiny
     * run's values, and valid values stay within ten times the default (so nothing that is
     * accepted trains for long).
     */
    static final class TrainingOverrides implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Method m = Methods.byName("delgrad");
            List<ConfigDocs.Entry> keys = keys(m).stream().filter(k -> !k.path().startsWith("training.epochs")
                    && !k.path().startsWith("data.dataset") && !k.path().startsWith("data.replicas")).toList();
            List<Kind> kinds = List.of(Kind.VALID, Kind.NON_FINITE, Kind.OVERFLOW, Kind.WRONG_TYPE, Kind.BOUNDARY);
            Overrides o = overrides(context.random(), m, keys, kinds);
            // a boundary value may be accepted, and 2^31 threads or samples is not a tiny run
            List<String> tame = o.sets().stream().map(s -> s.matches(".*=(2147483647|2147483648|1\\.79.*)")
                    && s.startsWith("training.") ? s.replaceAll("=.*", "=2") : s).toList();
            return new Overrides(m, tame, o.seed());
        }
    }

    /** A configuration file, the mistake it holds, and the keys it sets. */
    record Document(Method method, String mistake, String yaml, long seed) {
        @Override
        public String toString() {
            return mistake + " in a " + method.name() + " config (drawn with @Seed(" + seed + ")):\n" + yaml;
        }
    }

    /**
     * YAML documents with one mistake a person makes in a file: a key given twice (a leaf, or a
     * whole section), an unknown key in a documented section or at the top, or a documented key
     * with a letter dropped or doubled. The rest of the document sets documented keys to valid
     * values.
     */
    static final class FaultyDocuments implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            Method m = method(r);
            List<ConfigDocs.Entry> keys = keys(m);
            List<String> lines = new ArrayList<>(List.of("method: " + m.name()));
            ConfigDocs.Entry first = r.oneOf(keys);
            String mistake = r.oneOf("duplicate key", "duplicate section", "unknown key", "unknown section", "typo");
            switch (mistake) {
                case "duplicate key" -> {
                    List<String> once = nested(first.path(), value(r, first, Kind.VALID));
                    lines.addAll(once);
                    lines.add(once.get(once.size() - 1)); // the leaf again, in the same map
                }
                case "duplicate section" -> {
                    lines.addAll(nested(first.path(), value(r, first, Kind.VALID)));
                    lines.addAll(nested(first.path(), value(r, first, Kind.VALID)));
                }
                case "unknown key" -> {
                    String section = r.oneOf(sections(m));
                    lines.addAll(nested(section + "." + word(r), r.oneOf("1", "0.5"))); // a number fits even a map of rates
                }
                case "unknown section" -> lines.addAll(nested(word(r) + "." + word(r), "1"));
                default -> {
                    String path = typo(r, first.path(), keys);
                    lines.addAll(nested(path, value(r, first, Kind.VALID)));
                }
            }
            return new Document(m, mistake, String.join("\n", lines) + "\n", r.getSeed());
        }

    }

    /** The lines of {@code path: value} as nested block mappings. */
    static List<String> nested(String path, String value) {
        String[] parts = path.split("\\.");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String indent = "  ".repeat(i);
            lines.add(indent + parts[i] + ":" + (i == parts.length - 1 ? " " + value : ""));
        }
        return lines;
    }

    /** A lowercase word no method documents. */
    static String word(Random r) {
        return "zq" + r.lowerCaseAlphabetic(r.intRange(2, 8));
    }

    /** {@code path} with one letter of its last segment dropped or doubled, never another documented key. */
    static String typo(Random r, String path, List<ConfigDocs.Entry> keys) {
        int dot = path.lastIndexOf('.');
        String head = path.substring(0, dot + 1);
        String leaf = path.substring(dot + 1);
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = r.intRange(0, leaf.length() - 1);
            String changed = r.trueOrFalse() && leaf.length() > 1 ? leaf.substring(0, at) + leaf.substring(at + 1)
                    : leaf.substring(0, at + 1) + leaf.charAt(at) + leaf.substring(at + 1);
            String candidate = head + changed;
            if (keys.stream().noneMatch(k -> k.path().equals(candidate) || k.path().startsWith(candidate + "."))) {
                return candidate;
            }
        }
        return head + leaf + "zq";
    }

    /** A command line's arguments after the command, for a test to complete. */
    record Flags(List<String> command, List<String> args, long seed) {
        @Override
        public String toString() {
            return command + " " + args + " (drawn with @Seed(" + seed + "))";
        }
    }

    /**
     * Command lines of every command with at least one fault that stops it before anything runs (an
     * unknown option, or an option without its value at the end), among up to three other tokens
     * of the kinds people get wrong: counts below 1 or not numbers, settings without '=', missing
     * files, unknown splits. The test adds an output folder to some.
     */
    static final class FaultyCommandLines implements GivenProvider {
        private static final List<List<String>> COMMANDS = List.of(List.of("train"), List.of("config"),
                List.of("eval"), List.of("report"), List.of("inspect"), List.of("export"), List.of("import"),
                List.of("bench", "delgrad"), List.of("bench", "stepped"), List.of("bench", "online"),
                List.of("sweep"), List.of("chip", "calibrate"), List.of("audio", "encode"), List.of("nir", "run"));

        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            List<String> args = new ArrayList<>();
            int noise = r.intRange(0, 3);
            for (int i = 0; i < noise; i++) {
                args.addAll(noise(r));
            }
            boolean dangling = r.trueOrFalse();
            if (dangling) {
                args.add(r.oneOf("-c", "--config", "--out", "--set", "--model", "--split", "--threads", "--epochs"));
            } else {
                args.add(r.intRange(0, args.size()), "--" + word(r));
            }
            return new Flags(r.oneOf(COMMANDS), args, r.getSeed());
        }

        private static List<String> noise(Random r) {
            return switch (r.intRange(0, 4)) {
                case 0 -> List.of(r.oneOf("--threads", "--epochs", "--seed", "--samples", "--batches", "--warmup",
                        "--repeat"), r.oneOf("-1", "0", "x", "1e400", "99999999999999999999", ".nan", ""));
                case 1 -> List.of("--set", r.oneOf("training.epochs", "=1", "", "no equals sign", "network..size=1",
                        "training.epochs==2", "zq.unknown=1"));
                case 2 -> List.of(r.oneOf("-c", "--config", "-m", "--model"), "/nonexistent/" + word(r) + ".yaml");
                case 3 -> List.of("--split", r.oneOf("tset", "", "TRAIN ", "all"));
                default -> List.of(r.oneOf("--progress", "--json", "--quiet", "--no-report"));
            };
        }
    }

    /**
     * One bad value of a documented flag, the only fault of a command line that is otherwise
     * complete: a count below 1, a number that is not one or does not fit, an unknown style, a
     * setting that is not KEY=VALUE. The command in {@link Flags#command()} is "train" (the test
     * adds a tiny configuration and an output folder) or a benchmark.
     */
    static final class BadFlagValues implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            Random r = context.random();
            long seed = r.getSeed();
            return switch (r.intRange(0, 3)) {
                case 0 -> new Flags(List.of("train"), switch (r.intRange(0, 4)) {
                    case 0 -> List.of("--epochs", r.oneOf("0", "-1", "x", "1e400", "99999999999999999999", "", "1.5"));
                    case 1 -> List.of("--threads", r.oneOf("-1", "-8", "x", "", "99999999999999999999")); // 0: all cores
                    case 2 -> List.of("--seed", r.oneOf("x", "1e400", "99999999999999999999", "", ".nan", "1.5"));
                    case 3 -> List.of("--progress", r.oneOf("sideways", "", "BARS "));
                    default -> List.of("--set", r.oneOf("training.epochs", "=1", "zq.unknown=1", "network..size=1",
                            "training.epochs=", "training.epochs=[1, 2]"));
                }, seed);
                case 1 -> new Flags(List.of("bench", "delgrad"), r.trueOrFalse()
                        ? List.of("--no-mnist", "--epochs", r.oneOf("0", "-1", "x", "99999999999999999999"))
                        : List.of("--no-mnist", "--warmup", r.oneOf("-1", "x", "1e400")), seed);
                case 2 -> new Flags(List.of("bench", "stepped"), List.of(r.oneOf("--batches", "--threads",
                        "--baseline-batches"), r.oneOf("-1", "x", "99999999999999999999", "")), seed);
                default -> new Flags(List.of("bench", "online"), List.of(r.oneOf("--samples", "--steps", "--inputs",
                        "--classes"), r.oneOf("0", "-1", "x", "99999999999999999999")), seed);
            };
        }
    }
}
