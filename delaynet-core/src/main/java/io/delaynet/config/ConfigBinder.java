package io.delaynet.config;

import java.util.stream.Collectors;
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

    private ConfigBinder() {
    }

    public static <T> T bind(JsonNode tree, Class<T> type, String origin) {
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
            throw new ConfigException(origin + ": '" + path(e) + "' needs a " + simpleType(e.getTargetType())
                    + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (DatabindException e) {
            throw new ConfigException(origin + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** The tree of a record, with snake_case keys, for saving resolved configurations. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String path(DatabindException e) {
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
