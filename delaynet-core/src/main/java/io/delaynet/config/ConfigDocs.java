package io.delaynet.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation a method's commented defaults file carries: a header and, for every key, its
 * default as written and the comment beside it. Parsing the file that also supplies the defaults
 * means the documented keys and defaults cannot drift from the real ones.
 *
 * <p>The defaults files follow one layout, which this parser relies on:
 * <ul>
 *   <li>comment lines before the first key form the header;</li>
 *   <li>{@code key: value  # text} documents a key; a following comment-only line that starts in
 *       the same column as that {@code #} continues the text;</li>
 *   <li>any other comment-only line documents the key that follows it;</li>
 *   <li>entries of a list of mappings ({@code - size: 30}) share one path with {@code []}, e.g.
 *       {@code network.layers[].size}; their defaults are listed per entry.</li>
 * </ul>
 */
public final class ConfigDocs {

    /**
     * One documented key.
     *
     * @param path        dotted path, with {@code []} for list entries
     * @param defaults    the default as written, one per list entry (empty for a section)
     * @param description the comment text, joined into one paragraph
     */
    public record Entry(String path, List<String> defaults, String description) {
        public boolean section() {
            return defaults.isEmpty() || defaults.stream().allMatch(String::isEmpty);
        }

        /** The default as one string: "30" or, for list entries, "30, 3". */
        public String defaultText() {
            return String.join(", ", defaults);
        }
    }

    private final String header;
    private final Map<String, Entry> entries;

    private ConfigDocs(String header, Map<String, Entry> entries) {
        this.header = header;
        this.entries = entries;
    }

    public String header() {
        return header;
    }

    /** Every key in file order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public static ConfigDocs parse(String yaml) {
        return new Parser().parse(yaml);
    }

    /** A line-by-line reader that keeps the stack of open keys by indentation. */
    private static final class Parser {
        private record Open(int column, String segment) { }

        private final List<Open> stack = new ArrayList<>();
        private final Map<String, List<String>> defaults = new LinkedHashMap<>();
        private final Map<String, StringBuilder> texts = new LinkedHashMap<>();
        private final StringBuilder header = new StringBuilder();
        private final StringBuilder leading = new StringBuilder();
        private String lastPath;
        private int lastCommentColumn = -1;

        ConfigDocs parse(String yaml) {
            for (String line : yaml.split("\\R")) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int indent = line.indexOf(text.charAt(0));
                if (text.startsWith("#")) {
                    comment(indent, text.substring(1).strip());
                } else {
                    key(line, indent, text);
                }
            }
            Map<String, Entry> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : defaults.entrySet()) {
                out.put(e.getKey(), new Entry(e.getKey(), List.copyOf(e.getValue()), texts.get(e.getKey()).toString().strip()));
            }
            return new ConfigDocs(header.toString().strip(), out);
        }

        private void comment(int column, String text) {
            if (lastPath == null) {
                append(header, text);
            } else if (column == lastCommentColumn) {
                append(texts.get(lastPath), text);
            } else {
                append(leading, text);
                lastCommentColumn = -1;
            }
        }

        private void key(String line, int indent, String text) {
            int keyColumn = indent;
            boolean item = text.startsWith("- ");
            if (item) {
                String rest = text.substring(2);
                String stripped = rest.stripLeading();
                keyColumn = indent + 2 + rest.length() - stripped.length();
                text = stripped;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("defaults file: expected 'key: value' in line: " + line.strip());
            }
            int popBelow = item ? indent : keyColumn;
            while (!stack.isEmpty() && stack.get(stack.size() - 1).column() >= popBelow) {
                stack.remove(stack.size() - 1);
            }
            if (item) {
                stack.add(new Open(indent, "[]"));
            }
            String key = text.substring(0, colon).strip();
            String path = path(key);
            stack.add(new Open(keyColumn, key));
            String rest = text.substring(colon + 1);
            int hash = rest.indexOf(" #");
            String value = (hash < 0 ? rest : rest.substring(0, hash)).strip();
            String comment = hash < 0 ? "" : rest.substring(hash + 2).strip();
            defaults.computeIfAbsent(path, p -> new ArrayList<>()).add(value);
            StringBuilder doc = texts.computeIfAbsent(path, p -> new StringBuilder());
            if (doc.isEmpty()) {
                append(doc, leading.toString().strip());
                append(doc, comment);
            }
            leading.setLength(0);
            lastPath = path;
            lastCommentColumn = hash < 0 ? -1 : line.indexOf(" #", line.indexOf(key) + key.length()) + 1;
        }

        private String path(String key) {
            StringBuilder p = new StringBuilder();
            for (Open o : stack) {
                if (!o.segment().equals("[]") && !p.isEmpty()) {
                    p.append('.');
                }
                p.append(o.segment());
            }
            if (!p.isEmpty()) {
                p.append('.');
            }
            return p.append(key).toString();
        }

        private static void append(StringBuilder to, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (!to.isEmpty()) {
                to.append(' ');
            }
            to.append(text);
        }
    }
}
