package io.paperstream.enrich.domain.links;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * The generic canonical form of any URL: host without {@code www.}, no default port, no tracking parameters,
 * no {@code .git} suffix, no bare root slash. Host-specific forms are the classifier's job.
 * A trailing slash on a longer path is kept: to a web server "/a/" and "/a" are different resources (the sample's
 * laion.ai page is linked with it); recognised targets (repositories, models, papers) are rebuilt without it.
 */
final class UrlCanonicalizer {

    /** Query parameters that identify a click or a campaign, never the resource. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "igshid",
            "yclid",
            "twclid",
            "ttclid",
            "li_fat_id",
            "mkt_tok",
            "_hsenc",
            "_hsmi",
            "hsctatracking",
            "oly_enc_id",
            "oly_anon_id",
            "vero_id",
            "vero_conv",
            "ref_src",
            "ref_url",
            "s_cid",
            "trk",
            "trkcampaign",
            "spm",
            "scid");

    ParsedUrl canonicalize(ParsedUrl url) {
        String host = url.host();
        if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
        } else if (host.charAt(0) == '[') {
            host = ipv6(host);
        }
        int port = url.port();
        if ((port == 80 && url.scheme().equals("http"))
                || (port == 443 && url.scheme().equals("https"))) {
            port = -1;
        }
        String path = withoutGitSuffix(url.path());
        String query = withoutTracking(url.query());
        String fragment = url.fragment() == null || url.fragment().isEmpty() ? null : url.fragment();
        if (path.equals("/") && query == null && fragment == null) {
            path = ""; // "https://example.org/?q" and "/#top" keep their root (WHATWG writes it)
        }
        return new ParsedUrl(url.scheme(), host, port, path, query, fragment);
    }

    /** An IPv6 address in its RFC 5952 text form, as WHATWG URLs write it: "[2001:0db8:0::1]" is "[2001:db8::1]". */
    private static String ipv6(String literal) {
        InetAddress address = InetAddresses.forString(literal.substring(1, literal.length() - 1));
        return address instanceof Inet6Address ? InetAddresses.toUriString(address) : literal;
    }

    /** "/owner/repo.git" and "/owner/repo.git/" name the repository "/owner/repo"; "/.git" alone is left alone. */
    static String withoutGitSuffix(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int n = p.length();
        if (n > 5 && p.regionMatches(true, n - 4, ".git", 0, 4) && p.charAt(n - 5) != '/') {
            return p.substring(0, n - 4);
        }
        return path;
    }

    /** The query without tracking parameters; null when nothing is left. */
    static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        StringBuilder kept = new StringBuilder(query.length());
        int start = 0;
        int n = query.length();
        while (start <= n) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start && !isTracking(query, start, end)) {
                if (kept.length() > 0) {
                    kept.append('&');
                }
                kept.append(query, start, end);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    private static boolean isTracking(String query, int start, int end) {
        int eq = query.indexOf('=', start);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        String name = query.substring(start, nameEnd).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
