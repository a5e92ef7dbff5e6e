package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repositories and owners on GitHub, GitLab (also self-hosted {@code gitlab.*}), Bitbucket, Codeberg, Gitee,
 * and Anonymous GitHub (double-blind review copies).
 */
final class CodeHostRule implements HostRule {

    /** First path segments that are GitHub's own pages, not user or organisation names. */
    private static final Set<String> GITHUB_RESERVED = Set.of(
            "about",
            "features",
            "pricing",
            "topics",
            "collections",
            "trending",
            "marketplace",
            "explore",
            "sponsors",
            "settings",
            "login",
            "join",
            "signup",
            "site",
            "security",
            "enterprise",
            "apps",
            "search",
            "notifications",
            "new",
            "organizations",
            "customer-stories",
            "readme",
            "team",
            "codespaces",
            "events",
            "contact",
            "home",
            "dashboard",
            "pulls",
            "issues",
            "stars",
            "watching",
            "account",
            "blog",
            "copilot",
            "solutions",
            "resources",
            "partners",
            "education",
            "mobile",
            "git-guides",
            "open-source",
            "sitemap",
            "orgs",
            "users",
            "advisories",
            "discussions",
            "github-copilot",
            "premium-support",
            "nonprofit",
            "logout",
            "password_reset");

    private static final Set<String> GITLAB_RESERVED = Set.of(
            "explore",
            "help",
            "dashboard",
            "projects",
            "search",
            "api",
            "admin",
            "snippets",
            "-",
            "profile",
            "uploads",
            "users",
            "groups",
            "abuse_reports",
            "assets",
            "public",
            "oauth",
            "import",
            "jwt",
            "s",
            "pricing");

    /** Pre-"/-/" GitLab route names that end the project path ("group/repo/tree/main"). */
    private static final Set<String> GITLAB_ACTIONS = Set.of(
            "tree",
            "blob",
            "raw",
            "issues",
            "merge_requests",
            "commits",
            "commit",
            "wikis",
            "pipelines",
            "releases",
            "tags",
            "branches",
            "archive",
            "activity",
            "graphs",
            "network",
            "snippets",
            "boards",
            "milestones",
            "labels",
            "compare",
            "jobs",
            "environments",
            "edit");

    private static final Set<String> BITBUCKET_RESERVED = Set.of(
            "product", "blog", "account", "dashboard", "repo", "site", "support", "-", "socialauth", "workspace");

    private static final Set<String> CODEBERG_RESERVED = Set.of(
            "explore",
            "user",
            "org",
            "api",
            "assets",
            "-",
            "repo",
            "admin",
            "notifications",
            "issues",
            "pulls",
            "login");

    private static final Set<String> GITEE_RESERVED = Set.of(
            "explore",
            "help",
            "login",
            "signup",
            "enterprises",
            "features",
            "about",
            "search",
            "organizations",
            "projects",
            "api",
            "oauth",
            "education",
            "gitee-stars");

    private static final Set<String> USER_PREFIXES = Set.of("orgs", "users", "groups", "user", "org");

    @Override
    public Link classify(ParsedUrl url, List<String> pathSegments, String origin) {
        String host = url.host();
        List<String> segments = Links.nameSegments(pathSegments);
        switch (host) {
            case "github.com":
                return ownerRepo(url, host, segments, GITHUB_RESERVED, origin);
            case "bitbucket.org":
                return ownerRepo(url, host, segments, BITBUCKET_RESERVED, origin);
            case "codeberg.org":
                return ownerRepo(url, host, segments, CODEBERG_RESERVED, origin);
            case "gitee.com":
            case "gitcode.com":
                return ownerRepo(url, host, segments, GITEE_RESERVED, origin);
            case "raw.githubusercontent.com":
                // A raw file still belongs to a repository; name the repository, as for "/blob/...".
                if (segments.size() >= 2 && Links.isName(segments.get(0)) && Links.isName(segments.get(1))) {
                    return repo("github.com", segments.get(0), segments.get(1), origin);
                }
                return Links.otherHttps(url, origin);
            case "gist.github.com":
                return gist(url, segments, origin);
            case "anonymous.4open.science":
                // Anonymised repositories for double-blind review: "/r/<id>" is the repository "anonymous/<id>".
                if (segments.size() >= 2 && segments.get(0).equals("r") && Links.isName(segments.get(1))) {
                    return Links.https(
                            host, "/r/" + segments.get(1), LinkKind.CODE, "anonymous/" + segments.get(1), origin);
                }
                return Links.otherHttps(url, origin);
            default:
                if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
                    return gitLab(url, segments, origin);
                }
                return null;
        }
    }

    private static Link ownerRepo(
            ParsedUrl url, String host, List<String> segments, Set<String> reserved, String origin) {
        if (segments.isEmpty()) {
            return Links.otherHttps(url, origin);
        }
        String owner = segments.get(0);
        if (Links.isReserved(reserved, owner)) {
            if (Links.isReserved(USER_PREFIXES, owner) && segments.size() >= 2 && Links.isOwner(segments.get(1))) {
                return organization(host, segments.get(1), origin);
            }
            return Links.otherHttps(url, origin);
        }
        if (!Links.isOwner(owner)) {
            return Links.otherHttps(url, origin);
        }
        if (segments.size() == 1) {
            return organization(host, owner, origin);
        }
        String name = Links.withoutGit(segments.get(1));
        if (!Links.isName(name)) {
            return organization(host, owner, origin);
        }
        return repo(host, owner, name, origin);
    }

    /** GitLab projects live in nested groups; the project path ends at "/-/" or at a route name. */
    private static Link gitLab(ParsedUrl url, List<String> segments, String origin) {
        String host = url.host();
        // Self-hosted instances keep the scheme they were given; gitlab.com only serves https.
        String scheme = host.equals("gitlab.com") ? "https" : url.scheme();
        if (segments.isEmpty()) {
            return Links.generic(url, host.equals("gitlab.com"), LinkKind.OTHER, null, origin);
        }
        String first = segments.get(0);
        if (Links.isReserved(GITLAB_RESERVED, first)) {
            if (Links.isReserved(USER_PREFIXES, first)
                    && segments.size() >= 2
                    && Links.isName(segments.get(1))
                    && !segments.get(1).startsWith("sign_")) {
                return new Link(
                        scheme + "://" + host + "/" + segments.get(1),
                        LinkKind.ORGANIZATION,
                        host,
                        segments.get(1),
                        origin);
            }
            return Links.generic(url, host.equals("gitlab.com"), LinkKind.OTHER, null, origin);
        }
        List<String> project = new ArrayList<>(segments.size());
        for (String segment : segments) {
            if (segment.equals("-")
                    || !Links.isName(segment)
                    || (project.size() >= 2 && GITLAB_ACTIONS.contains(segment))) {
                break;
            }
            project.add(segment);
        }
        if (project.isEmpty()) {
            return Links.generic(url, host.equals("gitlab.com"), LinkKind.OTHER, null, origin);
        }
        if (project.size() == 1) {
            return new Link(scheme + "://" + host + "/" + first, LinkKind.ORGANIZATION, host, first, origin);
        }
        project.set(project.size() - 1, Links.withoutGit(project.get(project.size() - 1)));
        String subject = String.join("/", project);
        return new Link(scheme + "://" + host + "/" + subject, LinkKind.CODE, host, subject, origin);
    }

    private static Link gist(ParsedUrl url, List<String> segments, String origin) {
        if (segments.size() >= 2 && Links.isName(segments.get(0)) && Links.isName(segments.get(1))) {
            String subject = segments.get(0) + "/" + segments.get(1);
            return Links.https("gist.github.com", "/" + subject, LinkKind.CODE, subject, origin);
        }
        if (segments.size() == 1 && Links.isName(segments.get(0))) {
            return Links.https(
                    "gist.github.com", "/" + segments.get(0), LinkKind.ORGANIZATION, segments.get(0), origin);
        }
        return Links.otherHttps(url, origin);
    }

    private static Link organization(String host, String owner, String origin) {
        return Links.https(host, "/" + owner, LinkKind.ORGANIZATION, owner, origin);
    }

    private static Link repo(String host, String owner, String name, String origin) {
        String subject = owner + "/" + name;
        return Links.https(host, "/" + subject, LinkKind.CODE, subject, origin);
    }
}
