package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small helpers the host rules share to build consistent {@link Link}s. */
final class Links {

    private Links() {}

    /** A link rebuilt as {@code https://host/path}: the canonical form of a recognised target. */
    static Link https(String host, String path, LinkKind kind, String subject, String origin) {
        return new Link("https://" + host + path, kind, host, subject, origin);
    }

    /** The URL as canonicalised generically, optionally moved to https (for hosts that only serve https). */
    static Link generic(ParsedUrl url, boolean forceHttps, LinkKind kind, String subject, String origin) {
        ParsedUrl u = forceHttps ? url.withScheme("https") : url;
        return new Link(u.format(), kind, u.host(), subject, origin);
    }

    /** An {@code other} link on a well-known https host. */
    static Link otherHttps(ParsedUrl url, String origin) {
        return generic(url, true, LinkKind.OTHER, null, origin);
    }

    /** True for a repository or model name as the hosts allow them: letters, digits, '-', '_', '.'. */
    static boolean isName(String s) {
        if (s.isEmpty() || s.equals(".") || s.equals("..") || s.equalsIgnoreCase(".git")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!UrlScanner.isAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** True for a user or organisation name: a name that starts with a letter or digit (".github" is a repo name). */
    static boolean isOwner(String s) {
        return isName(s) && UrlScanner.isAsciiAlnum(s.charAt(0));
    }

    /**
     * The segments up to prose punctuation glued to one of them ("/owner/repo,which" → owner, repo; "/repo—our"):
     * these characters are never in owner, repository or model names, so on such hosts they come from the sentence.
     */
    static List<String> nameSegments(List<String> segments) {
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            for (int i = 0; i < segment.length(); i++) {
                if (isNameDebris(segment.charAt(i))) {
                    List<String> cut = new ArrayList<>(segments.subList(0, s));
                    if (i > 0) {
                        cut.add(segment.substring(0, i));
                    }
                    return cut;
                }
            }
        }
        return segments;
    }

    /** Punctuation and non-ASCII characters: never in owner, repository or model names. */
    static boolean isNameDebris(char c) {
        return c >= 128 || ",;:!'\"*()[]{}|".indexOf(c) >= 0;
    }

    /** A repository name without a trailing {@code .git}. */
    static String withoutGit(String repo) {
        return repo.length() > 4 && repo.regionMatches(true, repo.length() - 4, ".git", 0, 4)
                ? repo.substring(0, repo.length() - 4)
                : repo;
    }

    static boolean isReserved(Set<String> reserved, String segment) {
        return reserved.contains(segment.toLowerCase(Locale.ROOT));
    }
}
