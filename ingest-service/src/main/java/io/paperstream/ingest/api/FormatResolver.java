package io.paperstream.ingest.api;

import io.paperstream.ingest.domain.format.Format;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chooses the input format from the Content-Type and the optional {@code format} parameter; only UTF-8 is read. */
final class FormatResolver {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

    private FormatResolver() {}

    static Format resolve(String contentType, String formatParameter) {
        checkCharset(contentType);
        Optional<Format> asked = Optional.empty();
        if (formatParameter != null && !formatParameter.isBlank()) {
            asked = Format.byLabel(formatParameter.trim());
            if (asked.isEmpty()) {
                throw invalidFormat("Unknown format '" + formatParameter
                        + "': one of json, hf-daily, ndjson, arxiv-snapshot, digest, atom.");
            }
        }
        String type = Format.baseType(contentType);
        List<Format> allowed =
                switch (type) {
                    case "application/json" -> List.of(Format.JSON, Format.HF_DAILY);
                    case Format.NDJSON_TYPE -> List.of(Format.NDJSON, Format.ARXIV_SNAPSHOT);
                    case "text/plain" -> List.of(Format.DIGEST);
                    case Format.ATOM_TYPE -> List.of(Format.ATOM);
                    default -> throw unsupported(contentType);
                };
        if (asked.isPresent() && !allowed.contains(asked.get())) {
            throw invalidFormat("format=" + asked.get().label() + " does not go with Content-Type " + type + ".");
        }
        return asked.orElse(allowed.get(0));
    }

    private static void checkCharset(String contentType) {
        if (contentType == null) {
            return;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            String charset = m.group(1).toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
                throw Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE)
                        .detail("Only UTF-8 bodies are accepted, not charset=" + m.group(1) + ".")
                        .error("Content-Type", "unsupported-charset", "only UTF-8 is accepted")
                        .exception();
            }
        }
    }

    private static ProblemException invalidFormat(String detail) {
        return Problem.of(ProblemType.INVALID_PARAMETER)
                .detail(detail)
                .error("format", "invalid", detail)
                .exception();
    }

    private static ProblemException unsupported(String contentType) {
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE)
                .detail("Content-Type " + contentType
                        + " is not supported. Use application/json, application/x-ndjson, "
                        + "text/plain (daily digest) or application/atom+xml.")
                .error("Content-Type", "unsupported", "not a supported media type")
                .exception();
    }
}
