package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import java.util.List;

/** Classifies the URLs of one family of hosts; returns null for a URL on any other host. */
interface HostRule {

    /**
     * @param url      the generically canonical URL
     * @param segments its non-empty path segments
     */
    Link classify(ParsedUrl url, List<String> segments, String origin);
}
