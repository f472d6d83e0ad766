package io.delaynet.cli.report;

import io.delaynet.inspect.DelayDistribution;
import io.delaynet.run.RunRecord;
import io.delaynet.run.RunSummary;
import io.delaynet.train.EpochMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's index.html: one self-contained page (inline style, images beside it in plots/) that
 * opens offline in any browser. A small inline script marks each image once the page has loaded,
 * so a missing plot says how to rebuild it instead of showing a broken icon, and scripted
 * checks can read whether every image rendered.
 */
final class ReportPage {
    /** Inlined, not linked, so that the page is one file that opens offline. */
    private static final String STYLE = resource("report.css");
    private static final String IMAGE_CHECK = resource("report.js");

    private final RunRecord run;
    private final StringBuilder html = new StringBuilder(32_000);

    private ReportPage(RunRecord run) {
        this.run = run;
    }

    static String render(RunRecord run, ReportContent content) {
        return new ReportPage(run).page(content);
    }

    private String page(ReportContent c) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(run.name())).append(" · DelayNet run report</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header();
        if (!c.warnings().isEmpty()) {
            list("warnings", c.warnings());
        }
        if (!c.notes().isEmpty()) {
            list("notes", c.notes());
        }
        summary();
        figures("curves", "Learning curves", c.curves(), "No epoch has finished yet.");
        if (!c.map().isEmpty()) {
            figures("decision-map", "Decision map", c.map(), "");
        }
        delays(c);
        figures("spikes", "Spikes of a few " + c.spikeSplit() + " samples", c.spikes(),
                c.notes().isEmpty() ? "This method does not report spike times."
                        : "This method does not report spike times, or the network could not be rebuilt (see the notes above).");
        metrics();
        html.append("<div class=\"two\">\n<section id=\"config\">\n<h2>Configuration (config.yaml)</h2>\n<pre><code>")
                .append(Html.escape(run.configText())).append("</code></pre>\n</section>\n");
        provenance();
        html.append("</div>\n");
        files();
        html.append("<footer>Report written by <code>delaynet report</code> (DelayNet ")
                .append(Html.escape(String.valueOf(run.provenance().getOrDefault("delaynet_version", "?"))))
                .append("). Rebuild it at any time with <code>delaynet report ")
                .append(Html.escape(run.folder().dir().toString())).append("</code>.</footer>\n")
                .append("</main>\n<script>\n").append(IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private void header() {
        html.append("<header>\n<h1>").append(Html.escape(run.name())).append("</h1>\n<p class=\"status\">");
        String method = run.config().path("method").asString("?");
        if (run.finished()) {
            html.append("<strong>finished</strong> · method <strong>").append(Html.escape(method)).append("</strong> · ")
                    .append(run.history().size()).append(" epochs");
        } else {
            html.append("<strong>unfinished</strong>: ").append(run.history().size()).append(" of ")
                    .append(run.plannedEpochs()).append(" epochs done · method <strong>").append(Html.escape(method))
                    .append("</strong> · continue with <code>delaynet train --resume ")
                    .append(Html.escape(run.folder().dir().toString())).append("</code>");
        }
        html.append("</p>\n</header>\n");
    }

    private void list(String cssClass, List<String> items) {
        html.append("<ul class=\"").append(cssClass).append("\">\n");
        for (String w : items) {
            html.append("<li>").append(Html.escape(w)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void summary() {
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        RunSummary s = run.summary();
        if (s != null) {
            card("test accuracy", percent(s.testAccuracy()));
            card("validation accuracy", percent(s.validationAccuracy()));
            card("train accuracy", percent(s.trainAccuracy()));
            card("epoch kept", s.selectedEpoch() + " of " + s.epochs());
            card("time per epoch", number(s.secondsPerEpoch(), "%.3f s"));
            card("parameters", String.valueOf(s.parameters()));
            card("seed", String.valueOf(s.seed()));
        } else if (!run.history().isEmpty()) {
            EpochMetrics last = run.history().get(run.history().size() - 1);
            card("validation accuracy (last epoch)", percent(last.validationAccuracy()));
            card("train accuracy (last epoch)", percent(last.trainAccuracy()));
            card("epochs done", run.history().size() + " of " + run.plannedEpochs());
        } else {
            card("epochs done", "0 of " + run.plannedEpochs());
        }
        html.append("</div>\n");
        if (s != null) {
            html.append("<details><summary>Every value in <a href=\"summary.json\">summary.json</a></summary>\n<table>\n");
            for (Map.Entry<String, Object> e : s.toMap().entrySet()) {
                String key = e.getKey();
                String value = key.endsWith("accuracy") ? percent(e.getValue()) : plain(e.getValue());
                html.append("<tr><th>").append(Html.escape(key)).append("</th><td class=\"n\">").append(Html.escape(value))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n</details>\n");
        }
        html.append("</section>\n");
    }

    private void card(String key, String value) {
        html.append("<div class=\"card\"><div class=\"k\">").append(Html.escape(key)).append("</div><div class=\"v\">")
                .append(Html.escape(value)).append("</div></div>\n");
    }

    private void figures(String id, String title, List<Figure> figures, String whenEmpty) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(title)).append("</h2>\n");
        if (figures.isEmpty()) {
            html.append("<p class=\"notes\">").append(Html.escape(whenEmpty)).append("</p>\n");
        } else {
            html.append("<div class=\"grid\">\n");
            for (Figure f : figures) {
                html.append("<figure").append(f.warning() ? " class=\"warn\"" : "").append("><img src=\"")
                        .append(Html.escape(f.file())).append("\" alt=\"").append(Html.escape(f.caption()))
                        .append("\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                        .append("\"><figcaption>").append(Html.escape(f.caption())).append("</figcaption></figure>\n");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private void delays(ReportContent c) {
        if (c.delays().isEmpty()) {
            return;
        }
        html.append("<section id=\"delays\">\n<h2>Learned delays</h2>\n<table>\n<tr><th>parameters</th><th>projection</th>")
                .append("<th>count</th><th>min</th><th>median</th><th>max</th><th>allowed range</th>")
                .append("<th>within 1 % of lower bound</th><th>within 1 % of upper bound</th></tr>\n");
        for (DelayDistribution d : c.delays()) {
            double[] sorted = d.delays().clone();
            java.util.Arrays.sort(sorted);
            boolean empty = sorted.length == 0;
            html.append("<tr><td>").append(Html.escape(d.name())).append(d.crowdedAtBounds() ? " ⚠" : "")
                    .append("</td><td>").append(Html.escape(d.description())).append("</td><td class=\"n\">")
                    .append(sorted.length).append("</td><td class=\"n\">").append(empty ? "-" : fmt(sorted[0]))
                    .append("</td><td class=\"n\">").append(empty ? "-" : fmt(sorted[sorted.length / 2]))
                    .append("</td><td class=\"n\">").append(empty ? "-" : fmt(sorted[sorted.length - 1]))
                    .append("</td><td>[").append(fmt(d.lower())).append(", ").append(fmt(d.upper())).append("] ")
                    .append(Html.escape(d.unit())).append("</td><td class=\"n\">")
                    .append(percent(d.fractionAtLower())).append("</td><td class=\"n\">")
                    .append(percent(d.fractionAtUpper())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
        figures("delay-histograms", "Delay histograms", c.delayPlots(), "");
    }

    private void metrics() {
        html.append("<section id=\"metrics\">\n<h2>Per-epoch metrics</h2>\n<details><summary>All ")
                .append(run.history().size())
                .append(" epochs (also in <a href=\"metrics.csv\">metrics.csv</a> and <a href=\"metrics.json\">metrics.json</a>)")
                .append("</summary>\n<table>\n<tr><th>epoch</th><th>train loss</th><th>train accuracy</th>")
                .append("<th>validation loss</th><th>validation accuracy</th><th>train s</th><th>eval s</th>")
                .append("<th>skipped steps</th></tr>\n");
        for (EpochMetrics m : run.history()) {
            html.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%d</td><td class=\"n\">%.5f</td><td class=\"n\">%s"
                            + "</td><td class=\"n\">%.5f</td><td class=\"n\">%s</td><td class=\"n\">%.3f</td>"
                            + "<td class=\"n\">%.3f</td><td class=\"n\">%d</td></tr>%n", m.epoch() + 1, m.trainLoss(),
                    percent(m.trainAccuracy()), m.validationLoss(), percent(m.validationAccuracy()), m.trainSeconds(),
                    m.evalSeconds(), m.skippedSteps()));
        }
        html.append("</table>\n</details>\n</section>\n");
    }

    private void provenance() {
        html.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n<table>\n");
        for (Map.Entry<String, Object> e : run.provenance().entrySet()) {
            Object v = e.getValue();
            String text;
            if (v instanceof Map<?, ?> map) {
                StringBuilder b = new StringBuilder();
                map.forEach((k, x) -> b.append(k).append(": ").append(x).append('\n'));
                text = map.isEmpty() ? "none (generated data)" : b.toString().strip();
            } else {
                text = String.valueOf(v);
            }
            html.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td><code>").append(Html.escape(text))
                    .append("</code></td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private void files() {
        html.append("<section id=\"files\">\n<h2>Files in this folder</h2>\n<ul>\n");
        file("config.yaml", "the resolved configuration: defaults, your file and --set overrides");
        file("provenance.json", "versions, git commit, seed, threads, data checksums");
        file("metrics.csv", "per-epoch metrics (also metrics.json)");
        file("checkpoint.bin", "everything needed to resume, written after every epoch");
        if (run.finished()) {
            file("model.json", "the trained model: config plus parameters; use with delaynet eval and inspect");
            file("summary.json", "the headline numbers");
        }
        html.append("</ul>\n</section>\n");
    }

    private void file(String name, String what) {
        html.append("<li><a href=\"").append(name).append("\">").append(name).append("</a>: ").append(Html.escape(what))
                .append("</li>\n");
    }

    private static String resource(String name) {
        try (java.io.InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String percent(Object value) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return String.format(Locale.ROOT, "%.2f %%", 100 * n.doubleValue());
        }
        return "-";
    }

    /** Whole numbers as they are, other numbers to six significant digits. */
    private static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.6g", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    private static String number(Object value, String format) {
        return value instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "-";
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.3g", v);
    }
}
