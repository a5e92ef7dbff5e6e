package io.paperstream.deploy;

import java.util.Locale;

/**
 * The environment variable a configuration property is read from (MicroProfile Config / SmallRye rule): every
 * character other than a letter or digit becomes {@code _}, then upper case. {@code paperstream.query.cursor-secret}
 * is {@code PAPERSTREAM_QUERY_CURSOR_SECRET}.
 */
final class EnvNames {
    private EnvNames() {}

    static String of(String property) {
        StringBuilder env = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return env.toString().toUpperCase(Locale.ROOT);
    }

    /** camelCase method name to the kebab-case property segment SmallRye Config maps it to. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean upper = Character.isUpperCase(c);
            boolean boundary = upper
                    && i > 0
                    && (!Character.isUpperCase(camel.charAt(i - 1))
                            || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))));
            if (boundary) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
