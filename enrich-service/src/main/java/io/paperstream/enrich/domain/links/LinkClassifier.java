package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import java.util.List;

/** Decides a canonical URL's kind and subject by asking the host rules in turn, most specific first. */
final class LinkClassifier {

    private final List<HostRule> rules =
            List.of(new CodeHostRule(), new HuggingFaceRule(), new PaperRule(), new SiteRule());

    Link classify(ParsedUrl canonical, String origin) {
        List<String> segments = canonical.segments();
        for (HostRule rule : rules) {
            Link link = rule.classify(canonical, segments, origin);
            if (link != null) {
                return link;
            }
        }
        throw new IllegalStateException("SiteRule classifies every URL");
    }
}
