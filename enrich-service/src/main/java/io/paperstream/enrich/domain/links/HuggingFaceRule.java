package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.List;
import java.util.Set;

/** Hugging Face Hub: models ({@code org/name}), datasets, spaces, paper pages and organisations. */
final class HuggingFaceRule implements HostRule {

    static final String HOST = "huggingface.co";

    /** First path segments that are the Hub's own pages, not organisation or user names. */
    private static final Set<String> RESERVED = Set.of(
            "docs",
            "blog",
            "learn",
            "tasks",
            "pricing",
            "join",
            "login",
            "settings",
            "collections",
            "posts",
            "chat",
            "enterprise",
            "api",
            "new",
            "new-space",
            "new-dataset",
            "search",
            "organizations",
            "hub",
            "models",
            "datasets",
            "spaces",
            "papers",
            "about",
            "terms-of-service",
            "privacy",
            "changelog",
            "inference-endpoints",
            "course",
            "welcome",
            "notifications",
            "oauth",
            "transformers",
            "support",
            "jobs",
            "inference-api",
            "code-of-conduct",
            "security",
            "brand",
            "storage-regions",
            "leaderboard",
            "sitemap");

    @Override
    public Link classify(ParsedUrl url, List<String> pathSegments, String origin) {
        if (!url.host().equals(HOST) && !url.host().equals("hf.co")) {
            return null;
        }
        ParsedUrl onHub = url.withHost(HOST);
        List<String> segments = Links.nameSegments(pathSegments);
        if (segments.isEmpty()) {
            return Links.otherHttps(onHub, origin);
        }
        String first = segments.get(0);
        switch (first) {
            case "datasets":
                if (segments.size() >= 3 && names(segments, 1, 2)) {
                    return repo("/datasets/", segments.get(1) + "/" + segments.get(2), LinkKind.DATASET, origin);
                }
                // Early datasets ("squad") have no namespace.
                if (segments.size() == 2 && Links.isName(segments.get(1))) {
                    return repo("/datasets/", segments.get(1), LinkKind.DATASET, origin);
                }
                return Links.otherHttps(onHub, origin);
            case "spaces":
                if (segments.size() >= 3 && names(segments, 1, 2)) {
                    return repo("/spaces/", segments.get(1) + "/" + segments.get(2), LinkKind.SPACE, origin);
                }
                return Links.otherHttps(onHub, origin);
            case "papers":
                String id = segments.size() >= 2 ? ArxivIds.normalise(segments.get(1)) : null;
                if (id != null) {
                    return Links.https(HOST, "/papers/" + id, LinkKind.PAPER, id, origin);
                }
                return Links.otherHttps(onHub, origin);
            default:
                break;
        }
        if (Links.isReserved(RESERVED, first) || !Links.isName(first)) {
            return Links.otherHttps(onHub, origin);
        }
        if (segments.size() >= 2 && Links.isName(segments.get(1))) {
            return repo("/", first + "/" + segments.get(1), LinkKind.MODEL, origin);
        }
        return Links.https(HOST, "/" + first, LinkKind.ORGANIZATION, first, origin);
    }

    private static boolean names(List<String> segments, int a, int b) {
        return Links.isName(segments.get(a)) && Links.isName(segments.get(b));
    }

    private static Link repo(String prefix, String subject, LinkKind kind, String origin) {
        return Links.https(HOST, prefix + subject, kind, subject, origin);
    }
}
