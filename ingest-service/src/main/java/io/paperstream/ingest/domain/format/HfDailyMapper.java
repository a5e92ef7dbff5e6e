package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.RawPaper.SourceLink;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the Hugging Face daily-papers API ({@code GET /api/daily_papers}): an object with a nested
 * {@code paper} (id = arXiv id, title, summary, authors [{name}], publishedAt, and where present githubRepo,
 * projectPage, ai_keywords) and entry-level fields (title, publishedAt, numComments, ...). Paper-level fields win;
 * entry-level ones fill gaps. A bare paper object (no {@code paper} wrapper) is read the same way.
 */
public final class HfDailyMapper {
    private HfDailyMapper() {}

    /** True when the JSON looks like a daily-papers response: entries that carry a {@code paper} object. */
    public static boolean looksLikeDailyPapers(JsonNode root) {
        JsonNode first = root.isArray() ? root.get(0) : root;
        return first != null && first.isObject() && first.path("paper").isObject();
    }

    public static SourceRecord toRecord(int index, String location, JsonNode entry) {
        if (!entry.isObject()) {
            return SourceRecord.unreadable(
                    index,
                    location,
                    Violation.of(
                            "$",
                            "not-an-object",
                            "a daily-papers entry must be a JSON object, not " + Json.kind(entry)));
        }
        JsonNode paper = entry.path("paper").isObject() ? entry.get("paper") : entry;
        List<Violation> errors = new ArrayList<>();
        List<SourceLink> links = new ArrayList<>();
        addLink(links, first(paper, entry, "githubRepo", errors), "github");
        addLink(links, first(paper, entry, "projectPage", errors), "project-page");
        List<String> keywords = Json.texts(paper, "ai_keywords", "paper.ai_keywords", errors);
        if (keywords.isEmpty()) {
            keywords = Json.texts(entry, "ai_keywords", "ai_keywords", errors);
        }
        PaperInput input = new PaperInput(
                first(paper, entry, "title", errors),
                first(paper, entry, "summary", errors),
                authors(paper.path("authors"), errors),
                Json.text(paper, "id", "paper.id", errors),
                null,
                first(paper, entry, "publishedAt", errors),
                null,
                null,
                null,
                links,
                keywords);
        return new SourceRecord(index, location, input, errors);
    }

    private static String first(JsonNode paper, JsonNode entry, String name, List<Violation> errors) {
        String value = Json.text(paper, name, paper == entry ? name : "paper." + name, errors);
        return value != null || paper == entry ? value : Json.text(entry, name, name, errors);
    }

    private static void addLink(List<SourceLink> links, String url, String label) {
        if (url != null && !url.isBlank()) {
            links.add(new SourceLink(url, label));
        }
    }

    private static List<String> authors(JsonNode authors, List<Violation> errors) {
        if (!authors.isArray()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            JsonNode author = authors.get(i);
            if (author.isTextual()) {
                names.add(author.textValue());
            } else if (author.isObject()) {
                String name = Json.text(author, "name", "paper.authors[" + i + "].name", errors);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
