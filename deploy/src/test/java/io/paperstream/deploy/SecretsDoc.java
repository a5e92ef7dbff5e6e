package io.paperstream.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets deploy/README.md documents: the rows of the table under its "Secrets" heading, whose first cell is
 * the Secret's name and second cell its keys, each in backticks: {@code | `paperstream-postgres` | `username`, `password` | ...}.
 */
final class SecretsDoc {
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    private SecretsDoc() {}

    static Map<String, Set<String>> read(Path readme) {
        return parse(Project.read(readme));
    }

    static Map<String, Set<String>> parse(String markdown) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                inSection = line.toLowerCase(java.util.Locale.ROOT).contains("secrets");
            } else if (inSection && line.startsWith("|")) {
                String[] cells = line.split("\\|");
                if (cells.length < 3) {
                    continue;
                }
                Matcher name = TICKED.matcher(cells[1]);
                if (name.find()) {
                    Set<String> keys = new LinkedHashSet<>();
                    Matcher key = TICKED.matcher(cells[2]);
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                    secrets.put(name.group(1), keys);
                }
            }
        }
        return secrets;
    }
}
