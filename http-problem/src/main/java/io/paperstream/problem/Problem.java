package io.paperstream.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of every error answer of paperstream's HTTP APIs, {@code application/problem+json} (RFC 9457):
 * {@code type} (a URI of {@link ProblemType}, {@code https://paperstream.io/problems/<slug>}), {@code title} (the same
 * for every problem of a type), {@code status}, {@code detail} (this occurrence, in words), {@code instance} (the path
 * of the request), {@code errors} (each offending input: {@code field}, {@code code}, {@code message}, and for a record
 * of a batch its {@code index} and {@code location}) and, after those, a type's extension members (ingest's
 * {@code published}, {@code records}). Built only through {@link #of(ProblemType)}; written by {@link #toJson()}.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {
    /** The media type of a problem (RFC 9457). */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where every problem type URI starts: {@code https://paperstream.io/problems/<slug>}. */
    public static final String TYPE_BASE = "https://paperstream.io/problems/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    private Problem(Builder b) {
        this.type = b.type;
        this.title = b.title;
        this.status = b.status;
        this.detail = b.detail;
        this.instance = b.instance;
        this.errors = List.copyOf(b.errors);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    /** One input a request got wrong: a parameter, header, path segment or body field ({@code $} the whole body). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"field", "code", "message", "index", "location"})
    public record FieldError(String field, String code, String message, Integer index, String location) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        public FieldError(String field, String code, String message) {
            this(field, code, message, null, null);
        }
    }

    /** A problem of a type; its status and title are the type's. */
    public static Builder of(ProblemType type) {
        return new Builder(TYPE_BASE + type.slug(), type.title(), type.status());
    }

    /**
     * A problem for a bare HTTP status the framework raised (404, 405, 406, 415, ...): its type when paperstream has
     * one for that status, else a type named after the status' reason phrase.
     */
    public static Builder ofStatus(int status) {
        ProblemType known = ProblemType.forStatus(status);
        if (known != null) {
            return of(known);
        }
        String title = ProblemType.reasonPhrase(status);
        return new Builder(TYPE_BASE + ProblemType.slugOf(title), title, status);
    }

    /** A copy to change, e.g. to add the request's path or a sentence to the detail. */
    public Builder toBuilder() {
        Builder b = new Builder(type, title, status)
                .detail(detail)
                .instance(instance)
                .errors(errors);
        extensions.forEach(b::extension);
        return b;
    }

    @JsonProperty("type")
    public String type() {
        return type;
    }

    @JsonProperty("title")
    public String title() {
        return title;
    }

    @JsonProperty("status")
    public int status() {
        return status;
    }

    @JsonProperty("detail")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String detail() {
        return detail;
    }

    @JsonProperty("instance")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String instance() {
        return instance;
    }

    @JsonProperty("errors")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<FieldError> errors() {
        return errors;
    }

    /** Extension members of the type (RFC 9457 section 3.2), written after the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The UTF-8 JSON of this problem: the one way both services write it. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem must serialise", e);
        }
    }

    @Override
    public String toString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }

    /** Builds a {@link Problem}. */
    public static final class Builder {
        private final String type;
        private final String title;
        private final int status;
        private String detail;
        private String instance;
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(String type, String title, int status) {
            this.type = type;
            this.title = title;
            this.status = status;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** The path of the request (RFC 9457 {@code instance}, a URI reference to this occurrence). */
        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        public Builder error(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
            return this;
        }

        public Builder errors(List<FieldError> more) {
            if (more != null) {
                errors.addAll(more);
            }
            return this;
        }

        /** An extension member; a null value is left out. The standard members' names are refused. */
        public Builder extension(String name, Object value) {
            if (List.of("type", "title", "status", "detail", "instance", "errors")
                    .contains(name)) {
                throw new IllegalArgumentException(name + " is a standard member, not an extension");
            }
            if (value == null) {
                extensions.remove(name);
            } else {
                extensions.put(name, value);
            }
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }

        /** The exception that ends a request with this problem (and these response headers). */
        public ProblemException exception(Map<String, String> headers) {
            return new ProblemException(build(), headers);
        }

        public ProblemException exception() {
            return new ProblemException(build(), Map.of());
        }
    }
}
