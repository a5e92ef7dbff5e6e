package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.RawPaper.SourceLink;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A paper in paperstream's own JSON shape (RawPaper's field names: title, abstract, authors, arxivId, doi,
 * publishedOn, updatedAt, categories, comment, links, keywords, license). Unknown fields are ignored; {@code id},
 * {@code revision}, {@code source} and {@code ingestedAt} are ingest's to set and are ignored too.
 */
public final class JsonPaperMapper {
    private JsonPaperMapper() {}

    public static SourceRecord toRecord(int index, String location, JsonNode node) {
        if (!node.isObject()) {
            return SourceRecord.unreadable(
                    index,
                    location,
                    Violation.of("$", "not-an-object", "a paper must be a JSON object, not " + Json.kind(node)));
        }
        List<Violation> errors = new ArrayList<>();
        PaperInput input = new PaperInput(
                Json.text(node, "title", "title", errors),
                Json.text(node, "abstract", "abstract", errors),
                Json.texts(node, "authors", "authors", errors),
                Json.text(node, "arxivId", "arxivId", errors),
                Json.text(node, "doi", "doi", errors),
                Json.text(node, "publishedOn", "publishedOn", errors),
                Json.text(node, "updatedAt", "updatedAt", errors),
                Json.texts(node, "categories", "categories", errors),
                Json.text(node, "comment", "comment", errors),
                links(node, errors),
                Json.texts(node, "keywords", "keywords", errors),
                Json.text(node, "license", "license", errors));
        return new SourceRecord(index, location, input, errors);
    }

    private static List<SourceLink> links(JsonNode node, List<Violation> errors) {
        JsonNode value = node.get("links");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(Violation.of("links", "wrong-type", "links must be an array, not " + Json.kind(value)));
            return List.of();
        }
        List<SourceLink> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode link = value.get(i);
            String field = "links[" + i + "]";
            if (link.isTextual()) {
                out.add(new SourceLink(link.textValue(), null));
            } else if (link.isObject()) {
                out.add(new SourceLink(
                        Json.text(link, "url", field + ".url", errors),
                        Json.text(link, "label", field + ".label", errors)));
            } else {
                errors.add(Violation.of(
                        field,
                        "wrong-type",
                        field + " must be an object {url, label} or a URL string, not " + Json.kind(link)));
            }
        }
        return out;
    }
}
