package io.paperstream.enrich.domain.links;

/** Validates host names: what separates "github.com" from "e.g", "v1.2" or "model.pt." debris. */
final class HostNames {

    private HostNames() {
    }

    /**
     * True for a lower- or mixed-case DNS name of at least two labels whose last label is alphabetic (or punycode),
     * or for a dotted IPv4 address.
     */
    static boolean isValid(String host) {
        int n = host.length();
        if (n == 0 || n > 253) {
            return false;
        }
        int labels = 0;
        boolean ipv4 = true;
        int start = 0;
        while (start <= n) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? n : dot;
            int len = end - start;
            if (len == 0 || len > 63 || host.charAt(start) == '-' || host.charAt(end - 1) == '-') {
                return false;
            }
            boolean numeric = true;
            for (int i = start; i < end; i++) {
                char c = host.charAt(i);
                if (c >= '0' && c <= '9') {
                    continue;
                }
                numeric = false;
                if (!UrlScanner.isAsciiAlnum(c) && c != '-' && !(c >= 128 && Character.isLetterOrDigit(c))) {
                    return false;
                }
            }
            ipv4 &= numeric && len <= 3 && Integer.parseInt(host, start, end, 10) <= 255;
            labels++;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (labels < 2) {
            return false;
        }
        if (ipv4 && labels == 4) {
            return true;
        }
        int lastDot = host.lastIndexOf('.');
        String tld = host.substring(lastDot + 1);
        if (tld.startsWith("xn--")) {
            return tld.length() > 4;
        }
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (!Character.isLetter(tld.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
