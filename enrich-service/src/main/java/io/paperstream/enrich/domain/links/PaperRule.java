package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Papers: arXiv, DOI, OpenReview, ACL Anthology, and the pages of well-known publishers and proceedings. */
final class PaperRule implements HostRule {

    private static final Set<String> ARXIV_VIEWS = Set.of("abs", "pdf", "html", "format", "ps", "src");

    /** ACL Anthology ids: "2023.acl-long.1" since 2020, "P19-1001" before. */
    private static final Pattern ACL_ID =
            Pattern.compile("\\d{4}\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.\\d+|[A-Z]\\d{2}-\\d{4}");

    private static final Pattern DOI_PREFIX = Pattern.compile("10\\.\\d{4,9}");

    @Override
    public Link classify(ParsedUrl url, List<String> segments, String origin) {
        switch (url.host()) {
            case "arxiv.org":
            case "export.arxiv.org":
                return arxiv(url, segments, origin);
            case "doi.org":
            case "dx.doi.org":
                return doi(url, origin);
            case "openreview.net":
                return openReview(url, segments, origin);
            case "aclanthology.org":
                return acl(url, segments, 0, origin);
            case "aclweb.org":
                if (!segments.isEmpty() && segments.get(0).equals("anthology")) {
                    return acl(url, segments, 1, origin);
                }
                return null;
            default:
                if (!KnownHosts.inDomain(url.host(), KnownHosts.PAPER_VENUES)) {
                    return null;
                }
                if (segments.isEmpty()) {
                    return Links.generic(url, false, LinkKind.OTHER, null, origin); // a publisher's home page
                }
                return Links.generic(url, false, LinkKind.PAPER, doiInPath(url.host(), segments), origin);
        }
    }

    private static Link arxiv(ParsedUrl url, List<String> segments, String origin) {
        if (segments.size() >= 2 && ARXIV_VIEWS.contains(segments.get(0))) {
            String id = ArxivIds.normalise(segments.get(1));
            if (id == null && segments.size() >= 3) {
                id = ArxivIds.normalise(segments.get(1) + "/" + segments.get(2)); // old style "hep-th/9901001"
            }
            if (id != null) {
                return Links.https("arxiv.org", "/abs/" + id, LinkKind.PAPER, id, origin);
            }
        }
        return Links.otherHttps(url.withHost("arxiv.org"), origin);
    }

    /** DOIs are case-insensitive, so both the subject and the URL use the lower-case form (and dedupe as one). */
    private static Link doi(ParsedUrl url, String origin) {
        String path = url.path().isEmpty() ? "" : url.path().substring(1);
        if (path.regionMatches(true, 0, "doi:", 0, 4)) {
            path = path.substring(4);
        }
        int slash = path.indexOf('/');
        if (slash > 0
                && slash < path.length() - 1
                && DOI_PREFIX.matcher(path.substring(0, slash)).matches()) {
            String lower = path.toLowerCase(Locale.ROOT);
            return Links.https("doi.org", "/" + lower, LinkKind.PAPER, percentDecode(lower), origin);
        }
        return Links.otherHttps(url.withHost("doi.org"), origin);
    }

    private static Link openReview(ParsedUrl url, List<String> segments, String origin) {
        String id = url.queryParam("id");
        if (segments.size() == 1
                && Set.of("forum", "pdf", "attachment").contains(segments.get(0))
                && id != null
                && Links.isName(id)) {
            return Links.https("openreview.net", "/forum?id=" + id, LinkKind.PAPER, id, origin);
        }
        return Links.otherHttps(url, origin);
    }

    private static Link acl(ParsedUrl url, List<String> segments, int index, String origin) {
        if (segments.size() > index) {
            String id = segments.get(index);
            for (String suffix : new String[] {".pdf", ".bib", ".xml"}) {
                if (id.endsWith(suffix)) {
                    id = id.substring(0, id.length() - suffix.length());
                }
            }
            if (ACL_ID.matcher(id).matches()) {
                return Links.https("aclanthology.org", "/" + id, LinkKind.PAPER, id, origin);
            }
        }
        return Links.otherHttps(url, origin);
    }

    /** A DOI written in a publisher's path ("/doi/abs/10.1145/123.456", "/content/10.1101/2023.01.01.5v1"). */
    private static String doiInPath(String host, List<String> segments) {
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (DOI_PREFIX.matcher(segments.get(i)).matches()) {
                String suffix = String.join("/", segments.subList(i + 1, segments.size()));
                for (String ending : new String[] {".pdf", ".full", ".abstract"}) {
                    if (suffix.endsWith(ending)) {
                        suffix = suffix.substring(0, suffix.length() - ending.length());
                    }
                }
                if (host.endsWith("biorxiv.org") || host.endsWith("medrxiv.org")) {
                    suffix = suffix.replaceFirst("v\\d+$", ""); // the version is not part of the DOI
                }
                return percentDecode((segments.get(i) + "/" + suffix).toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }

    /** Decodes %XX escapes as UTF-8 (and leaves '+' alone, unlike URLDecoder): DOIs are identifiers, not URLs. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.put((byte) Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }
}
