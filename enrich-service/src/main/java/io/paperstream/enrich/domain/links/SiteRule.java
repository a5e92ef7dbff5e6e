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
            String subject =
                    segments.isEmpty() || segments.get(0).indexOf('.') >= 0 ? host : host + "/" + segments.get(0);
            return Links.generic(url, true, LinkKind.PROJECT_PAGE, subject, origin);
        }
        if (host.equals("sites.google.com")) {
            String site = googleSite(segments);
            if (site != null) {
                return Links.generic(url, true, LinkKind.PROJECT_PAGE, host + "/" + site, origin);
            }
            return Links.generic(url, true, LinkKind.OTHER, null, origin);
        }
        Link hubRepo = modelScopeRepo(host, segments, origin);
        if (hubRepo != null) {
            return hubRepo;
        }
        if (!segments.isEmpty()
                && ((host.equals("modelscope.cn") || host.endsWith(".modelscope.cn"))
                                && (segments.get(0).equals("studios")
                                        || segments.get(0).equals("studio"))
                        || host.equals("openxlab.org.cn") && segments.get(0).equals("apps"))) {
            return Links.generic(url, false, LinkKind.OTHER, null, origin); // a model hub's app pages
        }
        if (KnownHosts.inDomain(host, KnownHosts.GENERAL) || isFile(segments)) {
            return Links.generic(url, false, LinkKind.OTHER, null, origin);
        }
        return Links.generic(url, false, LinkKind.PROJECT_PAGE, host, origin);
    }

    /**
     * The site's path on Google Sites: "view/&lt;name&gt;" and "site/&lt;name&gt;", also after a prefix ("corp/view/x",
     * "u/0/view/x"), and "a/&lt;domain&gt;/&lt;name&gt;" of Workspace sites; null for Google's own pages ("/new").
     */
    private static String googleSite(List<String> segments) {
        for (int i = 0; i + 1 < segments.size() && i < 3; i++) {
            String s = segments.get(i);
            if (s.equals("view") || s.equals("site")) {
                return String.join("/", segments.subList(0, i + 2));
            }
        }
        if (segments.size() >= 3 && segments.get(0).equals("a")) {
            return String.join("/", segments.subList(0, 3));
        }
        if (segments.size() >= 2 && segments.get(0).indexOf('.') > 0) {
            return String.join("/", segments.subList(0, 2)); // a Workspace domain's site: "lab.edu/<name>"
        }
        return null;
    }

    /** ModelScope's model and dataset pages ("modelscope.cn/models/org/name"), like the Hugging Face Hub's. */
    private static Link modelScopeRepo(String host, List<String> pathSegments, String origin) {
        if (!host.equals("modelscope.cn")) {
            return null;
        }
        List<String> segments = Links.nameSegments(pathSegments);
        if (segments.size() < 3 || !Links.isOwner(segments.get(1)) || !Links.isName(segments.get(2))) {
            return null;
        }
        LinkKind kind = segments.get(0).equals("models")
                ? LinkKind.MODEL
                : segments.get(0).equals("datasets") ? LinkKind.DATASET : null;
        if (kind == null) {
            return null;
        }
        String subject = segments.get(1) + "/" + segments.get(2);
        return Links.https(host, "/" + segments.get(0) + "/" + subject, kind, subject, origin);
    }

    /** "…/weights.zip", "…/paper.pdf": a download, not a page about the project. */
    private static boolean isFile(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String last = segments.get(segments.size() - 1);
        int dot = last.lastIndexOf('.');
        return dot > 0
                && KnownHosts.FILE_EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
