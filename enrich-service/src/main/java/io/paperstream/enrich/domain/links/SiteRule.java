package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;

import java.util.List;
import java.util.Locale;

/**
 * Everything the specific rules did not claim: project pages ({@code *.github.io}, Google Sites, a project's own
 * host) versus {@code other} (general platforms, reference sites, downloadable files). Always answers.
 */
final class SiteRule implements HostRule {

    @Override
    public Link classify(ParsedUrl url, List<String> segments, String origin) {
        String host = url.host();
        if (KnownHosts.isPagesHost(host)) {
            // One owner's pages host many projects: "owner.github.io/project" names the project.
            String subject = segments.isEmpty() || segments.get(0).indexOf('.') >= 0
                    ? host : host + "/" + segments.get(0);
            return Links.generic(url, true, LinkKind.PROJECT_PAGE, subject, origin);
        }
        if (host.equals("sites.google.com")) {
            if (segments.size() >= 2 && (segments.get(0).equals("view") || segments.get(0).equals("site"))) {
                return Links.generic(url, true, LinkKind.PROJECT_PAGE,
                        host + "/" + segments.get(0) + "/" + segments.get(1), origin);
            }
            return Links.generic(url, true, LinkKind.OTHER, null, origin);
        }
        if (KnownHosts.inDomain(host, KnownHosts.GENERAL) || isFile(segments)) {
            return Links.generic(url, false, LinkKind.OTHER, null, origin);
        }
        return Links.generic(url, false, LinkKind.PROJECT_PAGE, host, origin);
    }

    /** "…/weights.zip", "…/paper.pdf": a download, not a page about the project. */
    private static boolean isFile(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String last = segments.get(segments.size() - 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && KnownHosts.FILE_EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
