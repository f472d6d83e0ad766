package io.delaynet.cli.sweep;

import io.delaynet.run.sweep.SweepFile;
import io.delaynet.run.sweep.SweepPlot;
import io.delaynet.run.sweep.SweepTable;
import java.util.List;
import java.util.Map;

/**
 * index.html of a sweep folder: the plots, the mean ± sd per setting, and every run with a link
 * to its folder. A static page with relative links, so the folder can be copied or served as is.
 */
final class SweepIndex {
    private SweepIndex() {
    }

    static String html(SweepFile file, SweepTable table, List<SweepGroups.Group> groups) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(file.title())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                        + "th{background:#eee}img{max-width:100%}</style></head><body>\n<h1>")
                .append(esc(file.title())).append("</h1>\n<p>")
                .append(table.rows().size()).append(" runs: ").append(groups.size()).append(" settings of ")
                .append(esc(String.join(", ", file.axisNames()))).append(" &times; seeds ")
                .append(esc(file.seeds().toString())).append(". Data: <a href=\"results.csv\">results.csv</a> (every run), "
                        + "<a href=\"summary.csv\">summary.csv</a> (mean and sd over seeds).</p>\n");
        for (SweepPlot p : file.plots()) {
            h.append("<h2>").append(esc(p.title())).append("</h2>\n<img src=\"").append(esc(p.name()))
                    .append(".png\" alt=\"").append(esc(p.title())).append("\">\n");
        }
        h.append("<h2>Mean ± sd over seeds</h2>\n<table><tr>");
        for (String a : file.axisNames()) {
            h.append("<th>").append(esc(a)).append("</th>");
        }
        h.append("<th>runs</th><th>parameters</th><th>test accuracy [%]</th><th>validation accuracy [%]</th></tr>\n");
        for (SweepGroups.Group g : groups) {
            h.append("<tr>");
            for (String a : file.axisNames()) {
                h.append("<td>").append(esc(g.labels().get(a))).append("</td>");
            }
            double[] test = g.meanSd("test_accuracy");
            double[] val = g.meanSd("validation_accuracy");
            h.append("<td>").append(g.rows().size()).append("</td><td>")
                    .append(SweepSummary.number(g.meanSd("parameters")[0])).append("</td><td>")
                    .append(SweepSummary.percent(test[0])).append(" ± ").append(SweepSummary.percent(test[1]))
                    .append("</td><td>").append(SweepSummary.percent(val[0])).append(" ± ")
                    .append(SweepSummary.percent(val[1])).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Runs</h2>\n<table><tr>");
        for (String a : file.axisNames()) {
            h.append("<th>").append(esc(a)).append("</th>");
        }
        h.append("<th>seed</th><th>epochs</th><th>test accuracy [%]</th><th>s / epoch</th><th>run folder</th></tr>\n");
        for (SweepTable.Row r : table.rows()) {
            h.append("<tr>");
            for (Map.Entry<String, String> l : r.point().labels().entrySet()) {
                h.append("<td>").append(esc(l.getValue())).append("</td>");
            }
            String folder = r.point().folder().getFileName().toString();
            h.append("<td>").append(r.point().seed()).append("</td><td>").append(r.summary().epochs())
                    .append("</td><td>").append(SweepSummary.percent(r.summary().testAccuracy())).append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", r.summary().secondsPerEpoch()))
                    .append("</td><td><a href=\"").append(esc(folder)).append("/\">").append(esc(folder))
                    .append("</a></td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
