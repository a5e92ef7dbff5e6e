package io.paperstream.query.api;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.Tag;
import io.paperstream.query.domain.PaperFilter;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The list filters evaluated in memory on a just-stored paper, for the live stream. */
final class StreamFilter {
    private StreamFilter() {
    }

    static boolean matches(PaperFilter f, EnrichedPaper p) {
        Set<String> tags = p.tags().stream().map(Tag::name).collect(Collectors.toSet());
        Set<String> kinds = p.links().stream().map(l -> l.kind().wireName()).collect(Collectors.toSet());
        Set<String> hosts = p.links().stream().map(Link::host).collect(Collectors.toSet());
        Set<String> subjects = p.links().stream().filter(l -> l.subject() != null)
                .map(l -> l.subject().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        LocalDate date = p.paper().publishedOn();
        return tags.containsAll(f.tags()) && kinds.containsAll(f.linkKinds()) && hosts.containsAll(f.hosts())
                && subjects.containsAll(f.subjects())
                && (f.from() == null || (date != null && !date.isBefore(f.from())))
                && (f.to() == null || (date != null && !date.isAfter(f.to())))
                && (!f.hasText() || containsWords(p, f.q()));
    }

    private static boolean containsWords(EnrichedPaper p, String q) {
        String text = (p.paper().title() + " " + p.paper().abstractText()).toLowerCase(Locale.ROOT);
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
