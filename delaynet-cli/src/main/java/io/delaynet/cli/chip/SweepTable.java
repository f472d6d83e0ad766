package io.delaynet.cli.chip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The results of a sweep as CSV text: every run, and the mean and spread per (config, noise scale). */
final class SweepTable {
    private final List<SweepResult> results;

    SweepTable(List<SweepResult> results) {
        this.results = List.copyOf(results);
    }

    /** Per config (in order of appearance), per noise scale (ascending): the test accuracies of its seeds. */
    Map<String, TreeMap<Double, List<Double>>> accuracies() {
        Map<String, TreeMap<Double, List<Double>>> out = new LinkedHashMap<>();
        for (SweepResult r : results) {
            out.computeIfAbsent(r.config(), c -> new TreeMap<>())
                    .computeIfAbsent(r.noiseScale(), n -> new ArrayList<>()).add(r.testAccuracy());
        }
        return out;
    }

    String runsCsv() {
        StringBuilder csv = new StringBuilder("config,noise_scale,seed,epochs,test_accuracy,validation_accuracy,"
                + "train_accuracy,final_epoch_test_accuracy,selected_epoch,seconds_per_epoch,run_folder\n");
        for (SweepResult r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%d,%.4f,%s%n", r.config(),
                    number(r.noiseScale()), r.seed(), r.epochs(), r.testAccuracy(), r.validationAccuracy(),
                    r.trainAccuracy(), r.finalEpochTestAccuracy(), r.selectedEpoch(), r.secondsPerEpoch(), r.runFolder()));
        }
        return csv.toString();
    }

    String summaryCsv() {
        StringBuilder csv = new StringBuilder("config,noise_scale,runs,mean_test_accuracy,sd_test_accuracy,"
                + "min_test_accuracy,max_test_accuracy\n");
        accuracies().forEach((config, byNoise) -> byNoise.forEach((noise, acc) -> {
            double[] s = stats(acc);
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f,%.4f%n", config, number(noise), acc.size(),
                    s[0], s[1], s[2], s[3]));
        }));
        return csv.toString();
    }

    /** Mean, sample standard deviation (0 for one value), min and max. */
    static double[] stats(List<Double> values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
        return new double[] {mean, sd, min, max};
    }

    /** A noise scale as the tables show it: whole numbers without a decimal point. */
    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
