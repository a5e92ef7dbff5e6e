package io.paperstream.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;

/**
 * The one problem+json shape of both APIs, checked from the outside (shared with the services' tests as this module's
 * test jar): RFC 9457's members, a type URI of
 * {@code https://paperstream.io/problems/<slug>}, the request's path as {@code instance}, and {@code errors} entries
 * of {@code field}, {@code code}, {@code message}.
 */
public final class ProblemShape {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");
    private static final Set<String> ERROR_MEMBERS = Set.of("field", "code", "message", "index", "location");
    /** The shape without extension members (query-service); declared after MEMBERS, which it reads. */
    public static final ProblemShape STANDARD = new ProblemShape(Set.of());

    private final Set<String> members;

    private ProblemShape(Set<String> extensions) {
        this.members = new java.util.HashSet<>(MEMBERS);
        this.members.addAll(extensions);
    }

    /** The shape with a service's own extension members (ingest: {@code published}, {@code records}). */
    public static ProblemShape withExtensions(String... names) {
        return new ProblemShape(Set.of(names));
    }

    /** Asserts the answer is the one shape, of this status and type, for a request to this path; returns the body. */
    public JsonNode check(int status, String contentType, String body, String slug, String path) {
        assertThat(contentType).as("Content-Type").startsWith("application/problem+json");
        JsonNode p;
        try {
            p = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
            assertThat(members).as("member of " + body).contains(names.next());
        }
        assertThat(p.path("type").asText()).as(body).isEqualTo("https://paperstream.io/problems/" + slug);
        assertThat(p.path("title").asText()).as(body).isNotBlank();
        assertThat(p.path("status").isInt()).as(body).isTrue();
        assertThat(p.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(p.path("detail").asText()).as(body).isNotBlank();
        assertThat(decoded(p.path("instance").asText())).as(body).isEqualTo(decoded(path));
        if (p.has("errors")) {
            assertThat(p.get("errors").isArray() && !p.get("errors").isEmpty())
                    .as(body)
                    .isTrue();
            for (JsonNode error : p.get("errors")) {
                for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
                    assertThat(ERROR_MEMBERS)
                            .as("member of an error of " + body)
                            .contains(names.next());
                }
                assertThat(error.path("field").asText()).as(body).isNotBlank();
                assertThat(error.path("code").asText()).as(body).isNotBlank();
                assertThat(error.path("message").asText()).as(body).isNotBlank();
            }
        }
        return p;
    }

    private static String decoded(String path) {
        return java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** As {@link #check}, from a raw HTTP answer (status line, headers, body). */
    public JsonNode checkRaw(String answer, int status, String slug, String path) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String contentType = head.lines()
                .filter(l -> l.toLowerCase().startsWith("content-type:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("");
        return check(status, contentType, answer.substring(answer.indexOf("\r\n\r\n") + 4), slug, path);
    }

    /**
     * Asserts a service's OpenAPI document (JSON) describes the one shape: a {@code Problem} schema with RFC 9457's
     * members, its {@code errors} items a {@code FieldError} of field, code and message, and responses that refer to it.
     */
    public static void checkOpenApi(String openApiJson) {
        JsonNode doc;
        try {
            doc = JSON.readTree(openApiJson);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + openApiJson, e);
        }
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(names(schemas.path("Problem").path("properties")))
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(schemas.path("Problem")
                        .path("properties")
                        .path("errors")
                        .path("items")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(names(schemas.path("FieldError").path("properties"))).contains("field", "code", "message");
        assertThat(openApiJson).as("the error responses refer to it").contains("#/components/schemas/Problem\"");
    }

    private static java.util.List<String> names(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
