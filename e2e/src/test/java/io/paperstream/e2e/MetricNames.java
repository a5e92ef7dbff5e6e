package io.paperstream.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names: those a PromQL expression reads, and those a Prometheus exposition (/q/metrics) holds. The PromQL side
 * drops what is not a metric name: label matchers and values, range selectors, grouping clauses (by/without/on/
 * ignoring), functions and aggregations (a name followed by a parenthesis), keywords and numbers.
 */
final class MetricNames {
    private static final Pattern EXPR = Pattern.compile("^(\\s*)(?:-\\s+)?expr:\\s*(.*)$");
    private static final Pattern JSON_EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");

    private MetricNames() {}

    /** The metric names read by every {@code expr:} of a YAML file (PrometheusRule) or "expr" of a Grafana JSON. */
    static Set<String> inRulesOrDashboard(String text) {
        Set<String> names = new TreeSet<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher yaml = EXPR.matcher(lines[i]);
            if (!yaml.matches()) {
                continue;
            }
            int indent = yaml.group(1).length();
            String rest = yaml.group(2).strip();
            if (rest.startsWith("|") || rest.startsWith(">")) {
                // a block scalar: the lines indented deeper than "expr:"
                StringBuilder block = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    String line = lines[j];
                    int lead = line.length() - line.stripLeading().length();
                    if (!line.isBlank() && lead <= indent) {
                        break;
                    }
                    block.append(line).append('\n');
                }
                names.addAll(inPromQl(block.toString()));
            } else {
                names.addAll(inPromQl(rest.replaceAll("^[\"']|[\"']$", "")));
            }
        }
        Matcher json = JSON_EXPR.matcher(text);
        while (json.find()) {
            names.addAll(inPromQl(json.group(1).replace("\\\"", "\"")));
        }
        return names;
    }

    static Set<String> inPromQl(String expr) {
        String text = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = m.group();
            int next = m.end();
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            boolean function = next < text.length() && text.charAt(next) == '(';
            boolean number = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** The series names of a Prometheus text exposition. */
    static Set<String> inExposition(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = NAME.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }
}
