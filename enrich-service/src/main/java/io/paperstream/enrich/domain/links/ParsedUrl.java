package io.paperstream.enrich.domain.links;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An http(s) URL split into the parts the canonicaliser and the classifier need.
 *
 * @param port  -1 when absent
 * @param path  "" or starting with '/', as written (percent-escapes untouched)
 * @param query without '?', null when absent
 * @param fragment without '#', null when absent
 */
record ParsedUrl(String scheme, String host, int port, String path, String query, String fragment) {

    /** Parses an {@code http://} or {@code https://} URL; null when the scheme is another or the host is not valid. */
    static ParsedUrl parse(String url) {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int n = url.length();
        int a = sep + 3;
        int e = a;
        while (e < n && "/?#".indexOf(url.charAt(e)) < 0) {
            e++;
        }
        String authority = url.substring(a, e);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int port = -1;
        // after an IPv6 address's ']' ("[2001:db8::1]:8080"), not inside it
        int colon = authority.lastIndexOf(':');
        if (colon < authority.lastIndexOf(']')) {
            colon = -1;
        }
        if (colon >= 0) {
            String digits = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            if (!digits.isEmpty()) {
                if (digits.length() > 5 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return null;
                }
                port = Integer.parseInt(digits);
                if (port > 65535) {
                    return null;
                }
            }
        }
        String host = authority.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 128) {
                // UTS #46 maps an IDN's compatibility forms first: "ｅｘａｍｐｌｅ.com" is "example.com"
                host = Normalizer.normalize(host, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                break;
            }
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // a fully qualified "example.com." is the same host
        }
        if (!HostNames.isValid(host)) {
            return null;
        }
        int hash = url.indexOf('#', e);
        int q = url.indexOf('?', e);
        if (hash >= 0 && q > hash) {
            q = -1; // a '?' inside the fragment
        }
        int pathEnd = q >= 0 ? q : (hash >= 0 ? hash : n);
        String query = q >= 0 ? url.substring(q + 1, hash >= 0 ? hash : n) : null;
        String fragment = hash >= 0 ? url.substring(hash + 1) : null;
        return new ParsedUrl(scheme, host, port, url.substring(e, pathEnd), query, fragment);
    }

    /** The non-empty path segments, in order. */
    List<String> segments() {
        return segmentsOf(path);
    }

    /** The non-empty segments of a path. */
    static List<String> segmentsOf(String path) {
        List<String> out = new ArrayList<>(4);
        int n = path.length();
        int start = 0;
        while (start < n) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            if (end > start) {
                out.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return out;
    }

    /** The value of query parameter {@code name}, or null. */
    String queryParam(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    ParsedUrl withScheme(String newScheme) {
        return new ParsedUrl(newScheme, host, port, path, query, fragment);
    }

    ParsedUrl withHost(String newHost) {
        return new ParsedUrl(scheme, newHost, port, path, query, fragment);
    }

    /** The URL written back out. */
    String format() {
        StringBuilder sb = new StringBuilder(scheme.length() + host.length() + path.length() + 16);
        sb.append(scheme).append("://").append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
