package io.delaynet.config;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a configuration tree to records with snake_case keys, turning Jackson's errors into
 * one-line messages that name the key and the fix. Unknown keys are errors, because a typo
 * silently ignored is a run silently misconfigured.
 */
public final class ConfigBinder {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** Texts that become a non-finite number when bound to a number key. */
    private static final Set<String> NON_FINITE_TEXT = Set.of("NaN", "Infinity", "+Infinity", "-Infinity", "INF", "+INF",
            "-INF");

    private ConfigBinder() {
    }

    public static <T> T bind(JsonNode tree, Class<T> type, String origin) {
        ConfigException nonFinite = firstNonFinite(tree, "", infinityAllowed(type, ""), origin);
        if (nonFinite != null) {
            // A misspelt key with .inf is a typo first: say so, as for any other value under an unknown key.
            ConfigException unknown = unknownKey(tree, type, origin);
            throw unknown != null ? unknown : nonFinite;
        }
        return bindFinite(tree, type, origin);
    }

    /** The unknown-key error binding would raise, or null: the tree is bound only to find out. */
    private static ConfigException unknownKey(JsonNode tree, Class<?> type, String origin) {
        try {
            bindFinite(tree, type, origin);
        } catch (ConfigException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException) {
                return e;
            }
        } catch (RuntimeException e) {
            return null; // a record refusing a non-finite value in its own words: the non-finite message says it better
        }
        return null;
    }

    private static <T> T bindFinite(JsonNode tree, Class<T> type, String origin) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(origin + ": unknown key '" + path(e) + "'; known keys here: " + known, e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException(origin + ": " + sectionOf(e) + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(origin + ": '" + path(e) + "' has value " + e.getValue()
                    + " but needs a " + simpleType(e.getTargetType()), e);
        } catch (MismatchedInputException e) {
            // what the file holds there, in YAML's terms, rather than Jackson's Java type names
            JsonNode found = nodeAt(tree, e);
            throw new ConfigException(origin + ": '" + path(e) + "' needs a " + simpleType(e.getTargetType())
                    + (found.isMissingNode() ? " (" + firstLine(e.getOriginalMessage()) + ")"
                    : ", not " + kindOf(found) + " " + found), e);
        } catch (DatabindException e) {
            throw new ConfigException(origin + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (InputCoercionException e) {
            // a number too large for its key's type (e.g. epochs: 99999999999999999999)
            throw new ConfigException(origin + ": '" + path(e) + "' is " + valueAt(tree, e)
                    + ", out of range; " + rangeOf(e.getTargetType()), e);
        } catch (JacksonException e) {
            throw new ConfigException(origin + ": " + (path(e).isEmpty() ? "" : "'" + path(e) + "': ")
                    + firstLine(e.getOriginalMessage()), e);
        }
    }

    /**
     * The refusal of the first NaN, or of an infinity except at the keys the record allows it (null
     * when there is none): a non-finite number
     * passes most range checks ({@code NaN > 0} is false, but {@code !(x <= 0)} and {@code .inf > 0}
     * are true) and then poisons the run far from the key that caused it.
     */
    private static ConfigException firstNonFinite(JsonNode node, String path, Set<String> allowed, String origin) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                ConfigException found = firstNonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                        allowed, origin);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ConfigException found = firstNonFinite(node.get(i), path + "[" + i + "]", allowed, origin);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isNumber() && (node.isDouble() || node.isFloat() || node.isBigDecimal())
                || node.isString() && NON_FINITE_TEXT.contains(node.asString().strip())) {
            // the text forms too: Jackson turns the string "NaN" or "Infinity" into a number for a number key
            double v = node.isString() ? Double.parseDouble(node.asString().strip().replace("INF", "Infinity")) : node.asDouble();
            if (Double.isNaN(v)) {
                return new ConfigException(origin + ": '" + path + "' is NaN; give a number");
            }
            if (Double.isInfinite(v) && !(v > 0 && allowed.contains(path))) {
                return new ConfigException(origin + ": '" + path + "' is " + (v > 0 ? "" : "minus ") + "infinity; give a finite number"
                        + (allowed.isEmpty() ? "" : " (only " + String.join(", ", allowed) + " may be .inf)"));
            }
        }
        return null;
    }

    /** The tree of a record, with snake_case keys, for saving resolved configurations. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The keys under {@code type} that may be +infinity: its own annotation's, and its nested records'. */
    static Set<String> infinityAllowed(Class<?> type, String prefix) {
        Set<String> out = new TreeSet<>();
        InfinityAllowed own = type.getAnnotation(InfinityAllowed.class);
        if (own != null) {
            for (String key : own.value()) {
                out.add(prefix + key);
            }
        }
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                if (c.getType().isRecord()) {
                    String name = snakeCase(c.getName());
                    out.addAll(infinityAllowed(c.getType(), prefix + name + "."));
                }
            }
        }
        return out;
    }

    /** {@code tauSynMs} as the configuration spells it: {@code tau_syn_ms}. */
    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String valueAt(JsonNode tree, JacksonException e) {
        JsonNode node = nodeAt(tree, e);
        return node.isMissingNode() ? "a number" : node.toString();
    }

    private static JsonNode nodeAt(JsonNode tree, JacksonException e) {
        JsonNode node = tree;
        for (JacksonException.Reference r : e.getPath()) {
            node = r.getPropertyName() != null ? node.path(r.getPropertyName()) : node.path(r.getIndex());
        }
        return node;
    }

    /** "a mapping", "a list", "text", ... : what a YAML value is, for messages. */
    private static String kindOf(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "the text";
        }
        if (node.isBoolean()) {
            return "the value";
        }
        if (node.isNull()) {
            return "the value";
        }
        return "the number";
    }

    private static String rangeOf(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "give a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "give a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "give a smaller number";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String sectionOf(DatabindException e) {
        String p = path(e);
        return p.isEmpty() ? "" : "in '" + p + "': ";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "different value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        if (type == String.class) {
            return "text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "mapping (section)";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
