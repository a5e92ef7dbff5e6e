package io.paperstream.enrich.domain.links;

import com.google.common.net.InetAddresses;

/** Validates host names: what separates "github.com" from "e.g", "v1.2" or "model.pt." debris. */
final class HostNames {

    private HostNames() {}

    /**
     * True for a DNS name of at least two labels whose last label is alphabetic in any script (or punycode), for a
     * dotted IPv4 address, or for an IPv6 address in brackets. Labels hold letters and digits of any script (an IDN as
     * written), combining marks, joiners and emoji-domain symbols, and '-' inside; '_' only inside a sub-domain label
     * ("sub_domain.example.com"), never in the registered name or the top-level domain.
     */
    static boolean isValid(String host) {
        int n = host.length();
        if (n == 0 || n > 253) {
            return false;
        }
        if (host.charAt(0) == '[') {
            return isIpv6Literal(host);
        }
        int labelCount = 1;
        for (int i = 0; i < n; i++) {
            if (host.charAt(i) == '.') {
                labelCount++;
            }
        }
        int label = 0;
        boolean ipv4 = true;
        int start = 0;
        while (start <= n) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? n : dot;
            int len = end - start;
            if (len == 0 || len > 63 || isEdge(host.charAt(start)) || isEdge(host.charAt(end - 1))) {
                return false;
            }
            boolean underscoreAllowed = label < labelCount - 2;
            boolean numeric = true;
            for (int i = start; i < end; i++) {
                char c = host.charAt(i);
                if (c >= '0' && c <= '9') {
                    continue;
                }
                numeric = false;
                if (c == '_'
                        ? !underscoreAllowed
                        : !UrlScanner.isAsciiAlnum(c) && c != '-' && !(c >= 128 && UrlScanner.isHostChar(c))) {
                    return false;
                }
            }
            ipv4 &= numeric && len <= 3 && Integer.parseInt(host, start, end, 10) <= 255;
            label++;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (label < 2) {
            return false;
        }
        if (ipv4 && label == 4) {
            return true;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        if (tld.regionMatches(true, 0, "xn--", 0, 4)) {
            return tld.length() > 4;
        }
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            char c = tld.charAt(i);
            if (!Character.isLetter(c) && !(c >= 128 && isMark(c))) {
                return false;
            }
        }
        return Character.isLetter(tld.charAt(0));
    }

    /**
     * "[2001:db8::1]", "[::ffff:192.0.2.1]": an RFC 3986 IP-literal holding an IPv6 address (no zone identifier, no
     * IPvFuture).
     */
    static boolean isIpv6Literal(String host) {
        int n = host.length();
        if (n < 4 || host.charAt(0) != '[' || host.charAt(n - 1) != ']') {
            return false;
        }
        String address = host.substring(1, n - 1);
        return address.indexOf(':') >= 0 && address.indexOf('%') < 0 && InetAddresses.isInetAddress(address);
    }

    private static boolean isEdge(char c) {
        return c == '-' || c == '_';
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || c == '\u200D'
                || c == '\u200C';
    }
}
