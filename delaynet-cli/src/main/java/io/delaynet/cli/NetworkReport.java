package io.delaynet.cli;

import io.delaynet.delay.DelayKind;
import io.delaynet.io.Json;
import io.delaynet.model.Connection;
import io.delaynet.model.DescriptionJson;
import io.delaynet.model.NetworkDescription;
import io.delaynet.model.Neuron;
import io.delaynet.model.Population;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code delaynet inspect} prints without {@code --sample}: the network of a model file as
 * its description holds it — populations, neuron models with their constants in ms, projections
 * with weight and delay statistics — read from the file alone, without the data set.
 */
final class NetworkReport {
    private final Path file;
    private final NetworkDescription network;

    NetworkReport(Path file, NetworkDescription network) {
        this.file = file;
        this.network = network;
    }

    String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", file.toString());
        out.put("network", DescriptionJson.toJson(network));
        return Json.write(out) + "\n";
    }

    String text() {
        StringBuilder s = new StringBuilder();
        double unitMs = network.time().unitSeconds() * 1000;
        s.append("model    ").append(file).append('\n');
        s.append(String.format(Locale.ROOT, "clock    %s, time unit %s ms; input %s, output %s, decision %s%n",
                network.time().isContinuous() ? "continuous (event-driven)" : "one step = " + fmt(unitMs) + " ms",
                fmt(unitMs), network.input(), network.output(), network.decision()));
        if (network.window() > 0) {
            s.append(String.format(Locale.ROOT, "window   %s ms%n", fmt(network.window() * unitMs)));
        }
        s.append(String.format(Locale.ROOT, "%d weights and delays in all%n%n", network.parameterCount()));
        s.append("populations\n");
        for (Population p : network.populations()) {
            s.append(String.format(Locale.ROOT, "  %-16s %6d  %s%n", p.name(), p.size(), neuron(p.neuron(), unitMs)));
        }
        s.append("\nprojections (weights: mean ± sd [min, max]; delays in ms)\n");
        for (Connection c : network.connections()) {
            s.append(String.format(Locale.ROOT, "  %-24s %s -> %s%s, %d x %d, %s delays%s%n", c.name(), c.from(), c.to(),
                    c.recurrent() ? " (recurrent)" : c.dense() ? "" : " (" + c.topology() + ")", c.pre(), c.post(), c.kind(),
                    c.kind() == DelayKind.NONE ? "" : " (" + realisation(c) + ")"));
            s.append("      weights ").append(stats(c.weights(), 1)).append('\n');
            if (c.delays().length > 0) {
                s.append("      delays  ").append(stats(c.delays(), unitMs)).append('\n');
            }
        }
        return s.toString();
    }

    private static String realisation(Connection c) {
        return switch (c.realisation()) {
            case io.delaynet.model.DelayRealisation.Exact e -> "exact";
            case io.delaynet.model.DelayRealisation.WholeSteps w -> "whole steps, " + (w.floor() ? "floor" : "rounded");
            case io.delaynet.model.DelayRealisation.Linear l -> "linear between steps";
            case io.delaynet.model.DelayRealisation.Gaussian g -> "gaussian, sigma " + fmt(g.sigma()) + " units";
        };
    }

    private static String neuron(Neuron n, double unitMs) {
        return switch (n) {
            case Neuron.Source src -> "input";
            case Neuron.FirstSpikeLif f -> String.format(Locale.ROOT, "first-spike LIF, tau_syn %s ms, tau_mem %s ms, threshold %s",
                    fmt(f.tauSyn() * unitMs), fmt(f.tauMem() * unitMs), fmt(f.threshold()));
            case Neuron.CubaLif c -> String.format(Locale.ROOT, "CubaLIF, tau_syn %s ms, tau_mem %s ms, threshold %s, reset %s",
                    fmt(c.tauSyn() * unitMs), fmt(c.tauMem() * unitMs), fmt(c.threshold()), c.reset().name().toLowerCase(Locale.ROOT));
            case Neuron.FilteredLif f -> String.format(Locale.ROOT,
                    "filtered LIF (NA), tau_syn %s ms, tau_mem %s ms, threshold %s, reset zero",
                    fmt(f.tauSyn() * unitMs), fmt(f.tauMem() * unitMs), fmt(f.threshold()));
            case Neuron.Lif l -> String.format(Locale.ROOT, "LIF, tau_mem %s ms, threshold %s, reset %s",
                    fmt(l.tauMem() * unitMs), fmt(l.threshold()), l.reset().name().toLowerCase(Locale.ROOT));
            case Neuron.Srm r -> String.format(Locale.ROOT, "SRM, tau_psp %s ms, tau_refractory %s ms, threshold %s",
                    fmt(r.tauPsp() * unitMs), fmt(r.tauRefractory() * unitMs), fmt(r.threshold()));
            case Neuron.LeakyIntegrator li -> String.format(Locale.ROOT, "leaky integrator (read-out), tau_mem %s ms",
                    fmt(li.tauMem() * unitMs));
            case Neuron.PassThrough p -> "no neurons: the weighted input passes straight on";
        };
    }

    private static String stats(double[] values, double scale) {
        DoubleSummaryStatistics st = Arrays.stream(values).map(v -> v * scale).summaryStatistics();
        double mean = st.getAverage();
        double var = Arrays.stream(values).map(v -> (v * scale - mean) * (v * scale - mean)).sum() / Math.max(1, values.length);
        return String.format(Locale.ROOT, "%.4g ± %.4g [%.4g, %.4g]", mean, Math.sqrt(var), st.getMin(), st.getMax());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
