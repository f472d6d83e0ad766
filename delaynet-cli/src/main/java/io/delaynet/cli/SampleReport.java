package io.delaynet.cli;

import io.delaynet.inspect.LayerSpikes;
import io.delaynet.inspect.ParameterGradient;
import io.delaynet.inspect.SampleGradients;
import io.delaynet.inspect.SampleSpikes;
import io.delaynet.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON forms of what {@code delaynet inspect} found for one sample. */
record SampleReport(Path model, SampleSpikes spikes, SampleGradients gradients) {

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s sample %d of %s: label %d, predicted %d, loss %.10g%n",
                spikes.split().label(), spikes.sample(), model, spikes.label(), spikes.predicted(), gradients.loss()));
        if (!gradients.note().isEmpty()) {
            out.append("note: ").append(gradients.note()).append('\n');
        }
        out.append("\nspike times (").append(spikes.timeUnit()).append("; - = no spike)\n");
        int nameWidth = spikes.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5);
        for (LayerSpikes layer : spikes.layers()) {
            out.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %5s ", layer.name(), "(" + layer.size() + ")"));
            for (double[] neuron : layer.spikeTimes()) {
                out.append(' ').append(neuron.length == 0 ? "-" : times(neuron));
            }
            out.append('\n');
        }
        out.append("\ngradient of the sample's loss ")
                .append(gradients.guarded() ? "with the training safeguards applied" : "(training safeguards not applied)")
                .append('\n');
        out.append(String.format(Locale.ROOT, "  %-16s %6s %20s %20s%n", "parameter", "index", "value", "gradient"));
        for (ParameterGradient p : gradients.parameters()) {
            out.append("  # ").append(p.name()).append(": ").append(p.layout()).append('\n');
            for (int i = 0; i < p.values().length; i++) {
                out.append(String.format(Locale.ROOT, "  %-16s %6d %20.12g %20.12g%n", p.name(), i, p.values()[i],
                        p.gradient()[i]));
            }
        }
        return out.toString();
    }

    String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        doc.put("split", spikes.split().label());
        doc.put("sample", spikes.sample());
        doc.put("label", spikes.label());
        doc.put("predicted", spikes.predicted());
        doc.put("loss", gradients.loss());
        doc.put("note", gradients.note());
        doc.put("time_unit", spikes.timeUnit());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerSpikes layer : spikes.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", layer.name());
            m.put("spike_times", layer.spikeTimes());
            layers.add(m);
        }
        doc.put("layers", layers);
        doc.put("guarded", gradients.guarded());
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParameterGradient p : gradients.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("layout", p.layout());
            m.put("values", p.values());
            m.put("gradient", p.gradient());
            params.add(m);
        }
        doc.put("parameters", params);
        return Json.write(doc) + "\n";
    }

    private static String times(double[] t) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < t.length; k++) {
            // whole-step times (the stepped engine) print as integers, continuous ones with 6 decimals
            String time = t[k] == Math.rint(t[k]) && Math.abs(t[k]) < 1e9 ? Long.toString((long) t[k])
                    : String.format(Locale.ROOT, "%.6f", t[k]);
            b.append(k == 0 ? "" : ",").append(time);
        }
        return b.toString();
    }
}
