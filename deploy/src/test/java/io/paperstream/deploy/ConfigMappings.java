package io.paperstream.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property names a service's {@code @ConfigMapping} interfaces declare, read from their Java source: each abstract
 * method is a property (kebab-case of its name, or its {@code @WithName}); a method returning a nested interface of
 * the same file is a group of properties under its name ({@code @WithParentName}: under the parent's name);
 * {@code Map<String, X>} is any key under its name ({@code *}). Default methods are not properties.
 */
final class ConfigMappings {
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern ANNOTATION =
            Pattern.compile("@([\\w.]+)(\\s*\\((\"(?:[^\"\\\\]|\\\\.)*\"|[^()])*\\))?");
    private static final Pattern METHOD = Pattern.compile("(.+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private ConfigMappings() {}

    /** Every property declared by the @ConfigMapping interfaces under a source directory. */
    static Set<String> properties(Path sourceDir) {
        Set<String> properties = new TreeSet<>();
        if (!Files.isDirectory(sourceDir)) {
            return properties;
        }
        try (Stream<Path> files = Files.walk(sourceDir)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(Project::read)
                    .filter(src -> src.contains("@ConfigMapping"))
                    .forEach(src -> properties.addAll(parse(src)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** The properties of the @ConfigMapping interface(s) in one Java source file. */
    static Set<String> parse(String source) {
        String src = stripComments(source);
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(src);
        while (m.find()) {
            int open = m.end() - 1;
            bodies.put(m.group(1), src.substring(open + 1, matchingBrace(src, open)));
        }
        Set<String> properties = new TreeSet<>();
        Matcher mapping = MAPPING.matcher(src);
        while (mapping.find()) {
            Matcher top = INTERFACE.matcher(src);
            if (top.find(mapping.end())) {
                collect(top.group(1), mapping.group(1), bodies, properties, 0);
            }
        }
        return properties;
    }

    private static void collect(String iface, String prefix, Map<String, String> bodies, Set<String> out, int depth) {
        String body = bodies.get(iface);
        if (body == null || depth > 10) {
            return;
        }
        StringBuilder declaration = new StringBuilder();
        int level = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                int end = endOfString(body, i);
                if (level == 0) {
                    declaration.append(body, i, end + 1);
                }
                i = end;
            } else if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
                if (level == 0) {
                    declaration.setLength(0); // a nested type or a default method: not a property
                }
            } else if (c == ';' && level == 0) {
                member(declaration.toString(), prefix, bodies, out, depth);
                declaration.setLength(0);
            } else if (level == 0) {
                declaration.append(c);
            }
        }
    }

    private static void member(
            String declaration, String prefix, Map<String, String> bodies, Set<String> out, int depth) {
        Matcher withName = WITH_NAME.matcher(declaration);
        String explicitName = withName.find() ? withName.group(1) : null;
        boolean parentName = declaration.contains("@WithParentName");
        String plain = ANNOTATION.matcher(declaration).replaceAll(" ").trim();
        if (plain.startsWith("static ") || plain.contains("=")) {
            return; // a constant
        }
        Matcher method = METHOD.matcher(plain);
        if (!method.matches()) {
            return;
        }
        String type = method.group(1).replaceAll("\\s+", "");
        String name = parentName
                ? prefix
                : prefix + "." + (explicitName != null ? explicitName : EnvNames.kebab(method.group(2)));
        String inner = unwrap(type, "Optional");
        if (bodies.containsKey(inner)) {
            collect(inner, name, bodies, out, depth + 1);
        } else if (type.startsWith("Map<")) {
            String value = type.substring(type.indexOf(',') + 1, type.length() - 1);
            if (bodies.containsKey(value)) {
                collect(value, name + ".*", bodies, out, depth + 1);
            } else {
                out.add(name + ".*");
            }
        } else {
            out.add(name);
        }
    }

    private static String unwrap(String type, String wrapper) {
        return type.startsWith(wrapper + "<") ? type.substring(wrapper.length() + 1, type.length() - 1) : type;
    }

    private static String stripComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                int end = endOfString(src, i);
                out.append(src, i, end + 1);
                i = end;
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int endOfString(String s, int openQuote) {
        for (int i = openQuote + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static int matchingBrace(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return i;
            }
        }
        return s.length();
    }
}
