package io.paperstream.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encoding of the pages' own links. */
final class Urls {
    private Urls() {}

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: like a query value but with %20 for spaces; ':' is left readable (paper ids). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%3A", ":")
                .replace("%2F", "/");
    }
}
