package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Every error path of ingest-service answers the one problem+json shape (see {@link ProblemShape}): bad parameters,
 * malformed and empty bodies, 401, 404, 405, 413 (from the header and while streaming), 415. The 503s are checked
 * where they happen: {@link BrokerOutageIT} (Kafka away) and {@link OverloadIT} (more load than Kafka takes).
 */
@IngestIT
class ErrorShapeIT {

    @Test
    void badParameters() {
        Response date = Api.authorized()
                .contentType("text/plain")
                .body("x")
                .queryParam("date", "yesterday")
                .post(Api.PAPERS);
        assertThat(date.statusCode()).isEqualTo(400);
        JsonNode p = ProblemShape.check(400, date.contentType(), date.asString(), "invalid-parameter", Api.PAPERS);
        assertThat(p.at("/errors/0/field").asText()).isEqualTo("date");
        Response format = Api.json().body("{}").queryParam("format", "pdf").post(Api.PAPERS);
        assertThat(ProblemShape.check(
                                format.statusCode(),
                                format.contentType(),
                                format.asString(),
                                "invalid-parameter",
                                Api.PAPERS)
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("format");
        Response id = Api.authorized().delete(Api.PAPERS + "/not-an-id");
        assertThat(ProblemShape.check(
                                id.statusCode(),
                                id.contentType(),
                                id.asString(),
                                "invalid-id",
                                Api.PAPERS + "/not-an-id")
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("id");
    }

    @Test
    void badBodies() {
        Response malformed = Api.json().body("{\"title\": ").post(Api.PAPERS);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ProblemShape.check(400, malformed.contentType(), malformed.asString(), "malformed-body", Api.PAPERS)
                        .at("/errors/0/code")
                        .asText())
                .isEqualTo("malformed");
        Response invalid = Api.json().body("[{\"title\": \"x\"}]").post(Api.PAPERS);
        JsonNode p = ProblemShape.check(
                invalid.statusCode(), invalid.contentType(), invalid.asString(), "no-valid-paper", Api.PAPERS);
        assertThat(p.at("/errors/0/index").asInt()).isZero();
        assertThat(p.at("/records/0/status").asText()).isEqualTo("rejected");
    }

    @Test
    void unauthorized() {
        Response r = Api.anonymous()
                .contentType("application/json")
                .body(Api.paper("No token"))
                .post(Api.PAPERS);
        assertThat(r.statusCode()).isEqualTo(401);
        ProblemShape.check(401, r.contentType(), r.asString(), "unauthorized", Api.PAPERS);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void notFoundAndMethodNotAllowed() {
        Response missing = RestAssured.given().get("/api/v1/nothing-here");
        ProblemShape.check(
                missing.statusCode(), missing.contentType(), missing.asString(), "not-found", "/api/v1/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        Response method = Api.authorized().put(Api.PAPERS);
        assertThat(method.statusCode()).isEqualTo(405);
        ProblemShape.check(405, method.contentType(), method.asString(), "method-not-allowed", Api.PAPERS);
    }

    @Test
    void tooLarge() throws Exception {
        // from Content-Length alone (the route before the resource), and while reading a streamed body
        ProblemShape.checkRaw(
                RawHttp.post(Api.PAPERS, "application/json", 3_000_000L, "[".getBytes()),
                413,
                "body-too-large",
                Api.PAPERS);
        assertChunkedTooLarge("application/x-ndjson", 33 * 1024 * 1024, '\n'); // over the NDJSON limit of %test, 32M
        assertChunkedTooLarge("application/json", 3 * 1024 * 1024, ' '); // over the JSON limit of %test, 2M
    }

    /**
     * Posts {@code size} bytes of {@code fill} chunked (no Content-Length: RestAssured gives a ByteArrayInputStream one,
     * any other stream none) and expects 413 body-too-large problem+json.
     */
    private static void assertChunkedTooLarge(String contentType, int size, char fill) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) fill);
        Response r = Api.authorized()
                .contentType(contentType)
                .body(new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(body)))
                .post(Api.PAPERS);
        assertThat(r.statusCode()).as(contentType).isEqualTo(413);
        ProblemShape.check(413, r.contentType(), r.asString(), "body-too-large", Api.PAPERS);
    }

    @Test
    void unsupportedMediaType() {
        Response r = Api.authorized()
                .contentType("application/pdf")
                .body("%PDF-1.4".getBytes())
                .post(Api.PAPERS);
        assertThat(r.statusCode()).isEqualTo(415);
        ProblemShape.check(415, r.contentType(), r.asString(), "unsupported-media-type", Api.PAPERS);
        Response charset = Api.authorized()
                .contentType("application/json; charset=ISO-8859-1")
                .body("{}".getBytes())
                .post(Api.PAPERS);
        assertThat(charset.statusCode()).isEqualTo(415);
        ProblemShape.check(415, charset.contentType(), charset.asString(), "unsupported-media-type", Api.PAPERS);
    }

    @Test
    void theOpenApiDocumentDescribesTheOneShape() {
        Response doc = RestAssured.given().queryParam("format", "json").get("/q/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        io.paperstream.problem.ProblemShape.checkOpenApi(doc.asString());
    }
}
