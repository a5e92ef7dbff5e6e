package io.paperstream.ingest.domain.format;

import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily-digest text format (as copied from the Hugging Face "Daily Papers" page): page furniture ("new",
 * "Subscribe", ...), an optional date line such as {@code Mar 14}, then paragraphs separated by blank lines that
 * alternate title and abstract. Robust to CRLF, extra blank lines, a missing date line, and a title with no
 * abstract (that record alone is rejected). A paragraph is taken for an abstract rather than a title when it is
 * longer than {@value #TITLE_MAX} characters or ends with a full stop.
 */
public final class DigestParser {
    static final int TITLE_MAX = 300;
    private static final Set<String> FURNITURE = Set.of(
            "new",
            "get trending papers in your email inbox!",
            "subscribe",
            "byak and the research community",
            "daily papers",
            "papers",
            "trending",
            "submit");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(\\d{1,2})(?:(?:,\\s*|\\s+)(\\d{4}))?$");
    /** Only blanks are trimmed: other control characters stay, so that validation refuses them. */
    private static final Pattern EDGE_SPACE = Pattern.compile("^[ \\t\\u00A0]+|[ \\t\\u00A0]+$");

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH),
            Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("jun", Month.JUNE),
            Map.entry("jul", Month.JULY),
            Map.entry("aug", Month.AUGUST),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("dec", Month.DECEMBER));

    private DigestParser() {}

    /** The records of a digest and the date they were given. */
    public record Digest(List<SourceRecord> records, DigestDate date) {}

    private record Paragraph(int line, List<String> lines) {
        String text() {
            return String.join(" ", lines).trim();
        }
    }

    /**
     * @param dateParameter the {@code date} query parameter, which wins over the date line
     * @param today         "now" for inferring the year of a date line without one
     */
    public static Digest parse(String body, Optional<LocalDate> dateParameter, LocalDate today) {
        List<Paragraph> paragraphs = paragraphs(body.startsWith("\uFEFF") ? body.substring(1) : body);
        List<SourceRecord> records = new ArrayList<>();
        DigestDate date = dateParameter
                .map(d -> new DigestDate(d, DigestDate.PARAMETER, null))
                .orElse(null);
        LocalDate current = dateParameter.orElse(null);
        Paragraph pendingTitle = null;
        boolean header = true;
        for (Paragraph p : paragraphs) {
            String text = p.text();
            if (header && FURNITURE.contains(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<DigestDate> dateLine = dateLine(text, today);
            if (dateLine.isPresent()) {
                if (pendingTitle != null) {
                    records.add(titleWithoutAbstract(records.size(), pendingTitle));
                    pendingTitle = null;
                }
                if (date == null) {
                    date = dateLine.get();
                }
                if (dateParameter.isEmpty()) {
                    current = dateLine.get().date();
                }
                continue;
            }
            header = false;
            if (pendingTitle == null
                    && p.lines().size() > 1
                    && looksLikeTitle(p.lines().get(0))
                    && !looksLikeTitle(
                            String.join(" ", p.lines().subList(1, p.lines().size())))) {
                // Title and abstract with no blank line between them.
                Paragraph title = new Paragraph(p.line(), p.lines().subList(0, 1));
                records.add(record(
                        records.size(),
                        title,
                        String.join(" ", p.lines().subList(1, p.lines().size())),
                        current));
            } else if (pendingTitle == null) {
                if (looksLikeTitle(text)) {
                    pendingTitle = p;
                } else {
                    records.add(SourceRecord.unreadable(
                            records.size(),
                            "line " + p.line(),
                            Violation.of("title", "missing", "an abstract without a title before it")));
                }
            } else if (looksLikeTitle(text)) {
                records.add(titleWithoutAbstract(records.size(), pendingTitle));
                pendingTitle = p;
            } else {
                records.add(record(records.size(), pendingTitle, text, current));
                pendingTitle = null;
            }
        }
        if (pendingTitle != null) {
            records.add(titleWithoutAbstract(records.size(), pendingTitle));
        }
        return new Digest(records, date == null ? new DigestDate(null, DigestDate.NONE, null) : date);
    }

    /** A date line's date; without a year, the latest such date that is not after {@code today}. */
    static Optional<DigestDate> dateLine(String text, LocalDate today) {
        Matcher m = DATE_LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Month month = MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
        int day = Integer.parseInt(m.group(2));
        try {
            if (m.group(3) != null) {
                return Optional.of(
                        new DigestDate(LocalDate.of(Integer.parseInt(m.group(3)), month, day), DigestDate.LINE, text));
            }
            MonthDay monthDay = MonthDay.of(month, day);
            for (int year = today.getYear(); year > today.getYear() - 8; year--) {
                if (monthDay.isValidYear(year) && !monthDay.atYear(year).isAfter(today)) {
                    return Optional.of(new DigestDate(monthDay.atYear(year), DigestDate.INFERRED, text));
                }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static boolean looksLikeTitle(String text) {
        return text.codePointCount(0, text.length()) <= TITLE_MAX && !text.endsWith(".");
    }

    private static SourceRecord record(int index, Paragraph title, String abstractText, LocalDate date) {
        PaperInput input =
                PaperInput.of(title.text(), abstractText).withPublishedOn(date == null ? null : date.toString());
        return SourceRecord.ok(index, "line " + title.line(), input);
    }

    private static SourceRecord titleWithoutAbstract(int index, Paragraph title) {
        return new SourceRecord(
                index,
                "line " + title.line(),
                PaperInput.of(title.text(), null),
                List.of(Violation.of(
                        "abstract",
                        "missing",
                        "the title \"" + shorten(title.text()) + "\" has no abstract after it")));
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static List<Paragraph> paragraphs(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Paragraph> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = EDGE_SPACE.matcher(lines[i]).replaceAll("");
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(new Paragraph(start, current));
                    current = new ArrayList<>();
                }
            } else {
                if (current.isEmpty()) {
                    start = i + 1;
                }
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Paragraph(start, current));
        }
        return out;
    }
}
