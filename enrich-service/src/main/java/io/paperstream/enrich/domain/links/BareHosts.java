package io.paperstream.enrich.domain.links;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a host written without {@code http(s)://} is a link. The rules follow what linkifiers converged on
 * (twitter-text's conformance, linkify-it): a registered top-level domain (the Public Suffix List, through Guava) is
 * required; a generic one ({@code example.com}) is enough alone, a country code ({@code foo.jp}) needs a path, more
 * labels ({@code foo.co.jp}) or to be {@code .co}/{@code .tv}; internationalised hosts ({@code президент.рф}) and
 * {@code www.} hosts count alone. Without a path, top-level domains that are also file extensions ({@code train.py},
 * {@code model.pt}, {@code data.zip}) never count, nor do brand names in running text ({@code Amazon.com}).
 */
final class BareHosts {

    /** Top-level domains that, after one name and without a scheme, are far more often a file name's extension. */
    private static final Set<String> FILE_LIKE_TLDS = Set.of(
            "py", "pt", "sh", "md", "rs", "pl", "so", "ps", "ml", "mk", "cc", "tf", "zip", "mov", "java", "data", "in",
            "pm", "sc", "am", "ac", "mp", "nf", "sas", "cpp", "bat", "cmd", "run", "bin", "json", "csv", "txt");

    /** Names that look like hosts but are technologies. */
    private static final Set<String> NOT_HOSTS = Set.of("asp.net", "ado.net", "vb.net", "j.net");

    /**
     * Platforms that papers name by their domain ("posts from reddit.com", "bioRxiv.org preprints"): like the
     * well-known hosts, they are a link only with a path.
     */
    private static final Set<String> NAMED_PLATFORMS = Set.of(
            "biorxiv.org",
            "medrxiv.org",
            "chemrxiv.org",
            "psyarxiv.com",
            "ssrn.com",
            "wikipedia.org",
            "wikidata.org",
            "reddit.com",
            "amazon.com",
            "stackoverflow.com",
            "quora.com",
            "yelp.com",
            "imdb.com",
            "booking.com",
            "tripadvisor.com",
            "zhihu.com",
            "douban.com",
            "taobao.com",
            "weibo.com",
            "chatgpt.com",
            "ebay.com",
            "goodreads.com",
            "airbnb.com",
            "glassdoor.com",
            "indeed.com",
            "pubmed.gov",
            "clinicaltrials.gov",
            "pinterest.com",
            "tumblr.com",
            "flickr.com",
            "genius.com",
            "steam.com",
            "spotify.com",
            "netflix.com",
            "mturk.com",
            "upwork.com",
            "fiverr.com",
            "semanticscholar.org",
            "dblp.org",
            "arxiv.org");

    private static final int MAX_CACHED_TLDS = 4096;

    private static final Map<String, Boolean> TLD_CACHE = new ConcurrentHashMap<>();

    private BareHosts() {}

    /** True when a bare host that is a link starts at {@code i} (the caller checked what comes before it). */
    static boolean isBareHostAt(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n
                && UrlScanner.isHostChar(text.charAt(j))
                && (j == i || !UrlScanner.isScriptBoundary(text.charAt(j - 1), text.charAt(j)))) {
            j++;
        }
        int hostEnd = j;
        while (hostEnd > i && !UrlScanner.isHostLetter(text.charAt(hostEnd - 1))) {
            hostEnd--; // "example.com." ends a sentence
        }
        if (hostEnd < n && text.charAt(hostEnd) == '@') {
            return false; // "john.doe.gov@mail.com"
        }
        int tldStart = text.lastIndexOf('.', hostEnd - 1) + 1;
        if (tldStart <= i || hostEnd - tldStart < 2 || !Character.isLetter(text.charAt(tldStart))) {
            return false; // "0.5", "1.2B", "e.g": no top-level domain, decided before any allocation
        }
        String written = text.substring(i, hostEnd);
        String host = written.toLowerCase(Locale.ROOT);
        if (host.indexOf('.') < 0 || !HostNames.isValid(host)) {
            return false;
        }
        boolean path = hostEnd == j && j + 1 < n && text.charAt(j) == '/' && isPathStart(text.charAt(j + 1));
        if (KnownHosts.isPagesHost(host)) {
            return true;
        }
        if (hostEnd == j && j < n && text.charAt(j) == '(') {
            return false; // "model.fit(x)": a method call
        }
        if (KnownHosts.BARE.contains(host) || NAMED_PLATFORMS.contains(host)) {
            // A bare well-known host alone ("on github.com.") names the platform, not a page on it.
            return path;
        }
        int lastDot = host.lastIndexOf('.');
        String tld = host.substring(lastDot + 1);
        if (!isRegisteredTld(tld) || NOT_HOSTS.contains(host)) {
            return false;
        }
        if (host.startsWith("www.")) {
            return true;
        }
        int labels = 1;
        for (int k = 0; k < host.length(); k++) {
            if (host.charAt(k) == '.') {
                labels++;
            }
        }
        if (path) {
            return true;
        }
        if (labels == 2 && FILE_LIKE_TLDS.contains(tld)) {
            return false;
        }
        if (!isAscii(host) || tld.startsWith("xn--")) {
            return true; // "президент.рф", "foobar.みんな"
        }
        String firstLabel = written.substring(0, written.indexOf('.'));
        String tldWritten = written.substring(lastDot + 1);
        if (isTitleCase(firstLabel) || isTitleCase(tldWritten)) {
            return false; // "Amazon.com reviews", "the model.Design": a name or a sentence, not an address
        }
        if (tld.length() == 2) {
            return labels >= 3 || tld.equals("co") || tld.equals("tv");
        }
        return true;
    }

    private static boolean isPathStart(char c) {
        return UrlScanner.isUrlChar(c) || c >= 128;
    }

    /** A top-level domain in the Public Suffix List (cached per label: Guava's lookup costs microseconds). */
    static boolean isRegisteredTld(String tld) {
        Boolean known = TLD_CACHE.get(tld);
        if (known != null) {
            return known;
        }
        boolean registered;
        try {
            registered = InternetDomainName.from(tld).isRegistrySuffix();
        } catch (IllegalArgumentException e) {
            registered = false;
        }
        if (TLD_CACHE.size() < MAX_CACHED_TLDS) {
            TLD_CACHE.put(tld, registered);
        }
        return registered;
    }

    private static boolean isAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** "Amazon", "Design": an upper-case letter followed by a lower-case one (not "MLB", not "google"). */
    private static boolean isTitleCase(String label) {
        return label.length() >= 2 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1));
    }
}
