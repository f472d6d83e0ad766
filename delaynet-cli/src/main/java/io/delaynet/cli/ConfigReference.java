package io.delaynet.cli;

import io.delaynet.config.ConfigDocs;
import io.delaynet.run.Method;
import java.util.List;
import java.util.Locale;

/**
 * The reference of every configuration key, made from each method's commented defaults: as a
 * Markdown table for docs/configuration.md (a test checks the file is current) and as plain text
 * for the terminal.
 */
final class ConfigReference {
    private ConfigReference() {
    }

    static String markdown(List<Method> methods) {
        StringBuilder out = new StringBuilder();
        for (Method m : methods) {
            ConfigDocs docs = ConfigDocs.parse(m.defaultsDocument());
            out.append("### Method `").append(m.name()).append("`\n\n")
                    .append(capitalised(m.description())).append(".\n\n")
                    .append(docs.header()).append("\n\n")
                    .append("| key | default | meaning |\n|---|---|---|\n");
            for (ConfigDocs.Entry e : docs.entries()) {
                boolean list = docs.entries().stream().anyMatch(x -> x.path().startsWith(e.path() + "[]"));
                String value = list ? "*(list)*" : e.section() ? "*(section)*" : "`" + cell(e.defaultText()) + "`";
                out.append("| `").append(e.path()).append("` | ").append(value).append(" | ")
                        .append(cell(e.description())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String text(Method method) {
        ConfigDocs docs = ConfigDocs.parse(method.defaultsDocument());
        int keyWidth = docs.entries().stream().mapToInt(e -> e.path().length()).max().orElse(10);
        int valueWidth = docs.entries().stream().mapToInt(e -> e.defaultText().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        out.append("method ").append(method.name()).append(": ").append(method.description()).append('\n')
                .append(docs.header()).append("\n\n");
        String row = "%-" + keyWidth + "s  %-" + valueWidth + "s  %s%n";
        out.append(String.format(Locale.ROOT, row, "key", "default", "meaning"));
        for (ConfigDocs.Entry e : docs.entries()) {
            out.append(String.format(Locale.ROOT, row, e.path(), e.defaultText(), e.description()));
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
