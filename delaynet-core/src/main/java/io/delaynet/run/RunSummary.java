package io.delaynet.run;

import io.delaynet.config.ConfigException;
import io.delaynet.io.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The headline facts of a finished run, written as summary.json. This record is the one place
 * that knows the file's keys: {@link #toMap} writes them, {@link #fromJson} reads them, and
 * {@link #KEYS} lists them in file order for tables. Serializable, so a distributed runner can
 * send it back from the machine that trained.
 *
 * @param method            the method's name
 * @param config            the configuration's name (its file's base name)
 * @param secondsPerEpoch   mean wall-clock seconds of the training part of an epoch (no validation)
 * @param parameters        number of trainable parameters
 * @param totalSeconds      wall-clock seconds of the last {@code execute} (a resumed run counts only its own part)
 * @param selectedEpoch     the (1-based) epoch whose parameters the run kept
 * @param finalTestAccuracy test accuracy of the parameters after the last epoch, whatever was kept
 * @param decisionStepMean   over the test set, the mean number of steps after which the running decision
 *                           stayed at the final answer (io.delaynet.stepped.loss.RunningDecision); NaN for
 *                           methods without a read-out over time
 * @param decisionStepMedian the median of the same
 */
public record RunSummary(String method, String config, double testAccuracy, double validationAccuracy,
                         double trainAccuracy, double testLoss, int epochs, double secondsPerEpoch, long parameters,
                         long seed, int threads, double totalSeconds, int selectedEpoch, double finalTestAccuracy,
                         double decisionStepMean, double decisionStepMedian)
        implements Serializable {

    /** A summary without decision steps (methods that do not read out over time). */
    public RunSummary(String method, String config, double testAccuracy, double validationAccuracy,
                      double trainAccuracy, double testLoss, int epochs, double secondsPerEpoch, long parameters,
                      long seed, int threads, double totalSeconds, int selectedEpoch, double finalTestAccuracy) {
        this(method, config, testAccuracy, validationAccuracy, trainAccuracy, testLoss, epochs, secondsPerEpoch,
                parameters, seed, threads, totalSeconds, selectedEpoch, finalTestAccuracy, Double.NaN, Double.NaN);
    }

    /** The keys of summary.json, in the order the file lists them. */
    public static final List<String> KEYS = List.of("method", "config", "test_accuracy", "validation_accuracy",
            "train_accuracy", "test_loss", "epochs", "seconds_per_epoch", "parameters", "seed", "threads",
            "total_seconds", "selected_epoch", "final_epoch_test_accuracy", "decision_step_mean",
            "decision_step_median");

    /**
     * The keys whose values are wall-clock measurements: they differ between two runs that are
     * otherwise identical (and between a resumed run and an uninterrupted one). Every other value
     * depends only on the configuration.
     */
    public static final Set<String> MEASURED_KEYS = Set.of("seconds_per_epoch", "total_seconds");

    /** The values by key, in {@link #KEYS} order; numbers stay numbers (what summary.json holds). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("config", config);
        m.put("test_accuracy", testAccuracy);
        m.put("validation_accuracy", validationAccuracy);
        m.put("train_accuracy", trainAccuracy);
        m.put("test_loss", testLoss);
        m.put("epochs", epochs);
        m.put("seconds_per_epoch", secondsPerEpoch);
        m.put("parameters", parameters);
        m.put("seed", seed);
        m.put("threads", threads);
        m.put("total_seconds", totalSeconds);
        m.put("selected_epoch", selectedEpoch);
        m.put("final_epoch_test_accuracy", finalTestAccuracy);
        m.put("decision_step_mean", decisionStepMean);
        m.put("decision_step_median", decisionStepMedian);
        return m;
    }

    /** The text of summary.json. Numbers are written exactly (shortest round-trip form), NaN as "NaN". */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * Reads the summary of a JSON object as {@link #toJson} writes it. Summaries written before
     * runs could keep their best epoch lack {@code selected_epoch} and
     * {@code final_epoch_test_accuracy}; such a run kept its last epoch, so they read as
     * {@code epochs} and {@code test_accuracy}. Summaries written before decision steps were
     * measured lack {@code decision_step_mean} and {@code decision_step_median}: they read as NaN.
     *
     * @throws IllegalArgumentException naming the first key that is missing or not of its type
     */
    public static RunSummary fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int epochs = integer(node, "epochs");
        double testAccuracy = number(node, "test_accuracy");
        return new RunSummary(text(node, "method"), text(node, "config"), testAccuracy,
                number(node, "validation_accuracy"), number(node, "train_accuracy"), number(node, "test_loss"), epochs,
                number(node, "seconds_per_epoch"), whole(node, "parameters"), whole(node, "seed"),
                integer(node, "threads"), number(node, "total_seconds"),
                node.has("selected_epoch") ? integer(node, "selected_epoch") : epochs,
                node.has("final_epoch_test_accuracy") ? number(node, "final_epoch_test_accuracy") : testAccuracy,
                node.has("decision_step_mean") ? number(node, "decision_step_mean") : Double.NaN,
                node.has("decision_step_median") ? number(node, "decision_step_median") : Double.NaN);
    }

    /**
     * Reads a run's summary.json.
     *
     * @throws ConfigException one line naming the file, when it cannot be read or is not a summary
     */
    public static RunSummary read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); check the folder's permissions");
        }
        try {
            return fromJson(Json.parse(text));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ConfigException(file + " is damaged or truncated (" + e.getMessage().lines().findFirst().orElse("")
                    + "); restore it, or train the run again in a new folder");
        }
    }

    private static JsonNode field(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no '" + key + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (!v.isString()) {
            throw new IllegalArgumentException("'" + key + "' is not text");
        }
        return v.asString();
    }

    /** A double; non-finite values are written as the strings "NaN", "Infinity" and "-Infinity". */
    private static double number(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return switch (v.isString() ? v.asString() : "") {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("'" + key + "' is not a number");
        };
    }

    private static long whole(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("'" + key + "' is not a whole number");
        }
        return v.longValue();
    }

    private static int integer(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' is not a whole number");
        }
        return v.intValue();
    }
}
