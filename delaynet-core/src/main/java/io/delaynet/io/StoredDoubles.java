package io.delaynet.io;

import io.delaynet.config.ConfigException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Arrays of doubles in JSON files: a list of numbers when short (readable), base64-encoded
 * little-endian doubles when long (a 784x800 weight matrix is 13.5 MB instead of 25 MB of text,
 * and exact either way).
 */
public final class StoredDoubles {
    /** Arrays longer than this are stored base64-encoded. */
    public static final int INLINE_LIMIT = 4096;
    static final String BASE64_DOUBLES = "base64-float64-le";

    private StoredDoubles() {
    }

    /** What Jackson writes for {@code values}: the array itself, or {encoding, count, data}. */
    public static Object toJson(double[] values) {
        if (values.length <= INLINE_LIMIT) {
            return values;
        }
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoding", BASE64_DOUBLES);
        out.put("count", values.length);
        out.put("data", Base64.getEncoder().encodeToString(bytes.array()));
        return out;
    }

    /** Reads either form; {@code where} names the place in errors ("model file X: parameters.layer1.weights"). */
    public static double[] fromJson(JsonNode node, String where) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new ConfigException(where + " is missing; the file is damaged");
        }
        if (node.isArray()) {
            double[] v = new double[node.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode x = node.get(i);
                if (!x.isNumber() && !(x.isString() && isNonFinite(x.asString()))) {
                    throw new ConfigException(where + "[" + i + "] is not a number");
                }
                v[i] = x.asDouble();
            }
            return v;
        }
        if (!BASE64_DOUBLES.equals(node.path("encoding").asString(""))) {
            throw new ConfigException(where + " is neither a list of numbers nor " + BASE64_DOUBLES
                    + " data; the file is damaged");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.path("data").asString(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " holds invalid base64 data; the file is damaged");
        }
        int count = node.path("count").asInt(-1);
        if (count < 0 || bytes.length != 8L * count) {
            throw new ConfigException(where + " declares " + node.path("count") + " values but holds "
                    + bytes.length + " bytes; the file is damaged or truncated");
        }
        double[] v = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    private static boolean isNonFinite(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }
}
