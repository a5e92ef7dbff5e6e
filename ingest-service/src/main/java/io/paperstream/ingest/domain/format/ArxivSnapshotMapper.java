package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One record of the arXiv metadata snapshot (the JSON-lines file arXiv publishes, e.g. on Kaggle):
 * {@code {id, submitter, authors, title, comments, journal-ref, doi, report-no, categories, license, abstract,
 * versions: [{version, created}], update_date, authors_parsed: [[last, first, suffix]]}}.
 *
 * <p>Mapped to: {@code arxivId} = id plus the latest version ({@code 0704.0001v2}); authors from
 * {@code authors_parsed} ("first last suffix"), else the {@code authors} string split at commas and "and";
 * {@code categories} split at spaces; {@code publishedOn} = the date of the first version ({@code created} is an
 * RFC 1123 date); {@code updatedAt} = {@code update_date}; {@code comment} = comments; {@code doi} = the first DOI of
 * {@code doi}; {@code license}. {@code submitter}, {@code journal-ref} and {@code report-no} have no field.
 */
public final class ArxivSnapshotMapper {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

    private ArxivSnapshotMapper() {}

    /** A snapshot record: a textual {@code id} with {@code versions} or {@code authors_parsed} arrays. */
    public static boolean looksLikeSnapshot(JsonNode node) {
        JsonNode first = node != null && node.isArray() ? node.get(0) : node;
        return first != null
                && first.isObject()
                && first.path("id").isTextual()
                && (first.path("versions").isArray()
                        || first.path("authors_parsed").isArray());
    }

    public static SourceRecord toRecord(int index, String location, JsonNode node) {
        if (!node.isObject()) {
            return SourceRecord.unreadable(
                    index,
                    location,
                    Violation.of(
                            "$",
                            "not-an-object",
                            "an arXiv snapshot record must be a JSON object, not " + Json.kind(node)));
        }
        List<Violation> errors = new ArrayList<>();
        String id = Json.text(node, "id", "id", errors);
        JsonNode versions = node.get("versions");
        String latest = null;
        String publishedOn = null;
        if (versions != null && !versions.isNull()) {
            if (!versions.isArray()) {
                errors.add(Violation.of(
                        "versions", "wrong-type", "versions must be an array, not " + Json.kind(versions)));
            } else if (!versions.isEmpty()) {
                publishedOn = created(versions.get(0), "versions[0]", errors);
                JsonNode last = versions.get(versions.size() - 1);
                latest = last.isObject()
                        ? Json.text(last, "version", "versions[" + (versions.size() - 1) + "].version", errors)
                        : null;
            }
        }
        String arxivId = id == null ? null : id.trim() + (latest != null && latest.matches("v\\d+") ? latest : "");
        String doi = Json.text(node, "doi", "doi", errors);
        if (doi != null) {
            String[] dois = WHITESPACE.split(doi.trim());
            doi = dois.length == 0 ? null : dois[0];
        }
        String categories = Json.text(node, "categories", "categories", errors);
        PaperInput input = new PaperInput(
                Json.text(node, "title", "title", errors),
                Json.text(node, "abstract", "abstract", errors),
                authors(node, errors),
                arxivId,
                doi,
                publishedOn,
                Json.text(node, "update_date", "update_date", errors),
                categories == null || categories.isBlank() ? List.of() : List.of(WHITESPACE.split(categories.trim())),
                Json.text(node, "comments", "comments", errors),
                null,
                null,
                Json.text(node, "license", "license", errors));
        return new SourceRecord(index, location, input, errors);
    }

    /** {@code "Mon, 2 Apr 2007 19:18:42 GMT"} → {@code 2007-04-02}; an ISO date or date-time is taken as it is. */
    static String created(JsonNode version, String field, List<Violation> errors) {
        if (!version.isObject()) {
            errors.add(Violation.of(field, "wrong-type", field + " must be an object {version, created}"));
            return null;
        }
        String created = Json.text(version, "created", field + ".created", errors);
        if (created == null || created.isBlank()) {
            return null;
        }
        String text = created.trim();
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toLocalDate()
                    .toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
                        .toString();
            } catch (DateTimeParseException again) {
                errors.add(Violation.of(
                        field + ".created",
                        "invalid",
                        field + ".created is not a date such as" + " \"Mon, 2 Apr 2007 19:18:42 GMT\""));
                return null;
            }
        }
    }

    private static List<String> authors(JsonNode node, List<Violation> errors) {
        JsonNode parsed = node.get("authors_parsed");
        if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
            List<String> names = new ArrayList<>(parsed.size());
            for (int i = 0; i < parsed.size(); i++) {
                JsonNode parts = parsed.get(i);
                if (!parts.isArray()) {
                    errors.add(Violation.of(
                            "authors_parsed[" + i + "]",
                            "wrong-type",
                            "authors_parsed[" + i + "] must be an array [last, first, suffix]"));
                    continue;
                }
                String name = join(part(parts, 1), part(parts, 0), part(parts, 2));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
        String authors = Json.text(node, "authors", "authors", errors);
        if (authors == null || authors.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name :
                AUTHOR_SEPARATOR.split(WHITESPACE.matcher(authors.trim()).replaceAll(" "))) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static String part(JsonNode parts, int i) {
        JsonNode value = parts.get(i);
        return value != null && value.isTextual() ? value.textValue().trim() : "";
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(part);
            }
        }
        return out.toString();
    }
}
