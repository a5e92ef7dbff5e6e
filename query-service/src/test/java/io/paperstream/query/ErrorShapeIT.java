package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every error path of query-service answers the one problem+json shape of both APIs ({@link ProblemShape}): 400 (a
 * parameter, a path segment, a batch body), 404, 405, 406, 413 (from Content-Length and of a chunked body), 415. 429
 * is checked by {@link RateLimitIT}, the 503 of a frozen database by {@link FrozenDatabaseIT}, the 503 of an overload
 * by {@link OverloadIT}.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ErrorShapeIT {
    @Inject
    Vertx vertx;

    private static void check(Response r, int status, String slug, String path) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        ProblemShape.check(status, r.contentType(), r.asString(), slug, path);
    }

    @Test
    void badParameters() {
        Response limit = given().queryParam("limit", "0").get("/api/v1/papers");
        check(limit, 400, "invalid-parameter", "/api/v1/papers");
        assertThat(limit.jsonPath().getString("errors[0].field")).isEqualTo("limit");
        assertThat(limit.jsonPath().getString("errors[0].code")).isEqualTo("out-of-range");
        Response unknown = given().queryParam("tags", "x").get("/api/v1/facets");
        check(unknown, 400, "invalid-parameter", "/api/v1/facets");
        assertThat(unknown.jsonPath().getString("errors[0].code")).isEqualTo("unknown");
        check(given().get("/api/v1/papers/not an id"), 400, "invalid-parameter", "/api/v1/papers/not%20an%20id");
        Response batch = given().contentType("application/json")
                .body("{\"ids\": [\"2409.04828\", 7]}")
                .post("/api/v1/papers/batch");
        check(batch, 400, "invalid-parameter", "/api/v1/papers/batch");
        assertThat(batch.jsonPath().getString("errors[0].field")).isEqualTo("ids[1]");
    }

    @Test
    void notFound() {
        check(given().get("/api/v1/papers/arxiv:1999.99999"), 404, "not-found", "/api/v1/papers/arxiv:1999.99999");
        check(given().get("/api/v1/nothing-here"), 404, "not-found", "/api/v1/nothing-here");
    }

    @Test
    void methodNotAllowed() {
        check(given().delete("/api/v1/papers"), 405, "method-not-allowed", "/api/v1/papers");
    }

    @Test
    void notAcceptable() {
        check(given().accept("text/csv").get("/api/v1/tags"), 406, "not-acceptable", "/api/v1/tags");
    }

    @Test
    void unsupportedMediaType() {
        check(
                given().contentType("text/plain").body("2409.04828").post("/api/v1/papers/batch"),
                415,
                "unsupported-media-type",
                "/api/v1/papers/batch");
    }

    @Test
    void tooLarge() throws IOException {
        // a Content-Length over quarkus.http.limits.max-body-size (10M) is answered from the header alone
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/papers/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 20000000\r\nConnection: close\r\n\r\n{\"ids\":[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // a reset after the answer: what was read is the answer
            }
            ProblemShape.checkRaw(
                    answer.toString(StandardCharsets.UTF_8), 413, "body-too-large", "/api/v1/papers/batch");
        }
    }

    @Test
    void tooLargeWithoutContentLength() throws Exception {
        // a chunked body: Quarkus' own check would end it with a bare 413 once more than the limit (10M) has come
        String[] answer = postChunked(11 * 1024 * 1024);
        assertThat(answer[0]).as(answer[2]).isEqualTo("413");
        assertThat(answer[3]).isEqualToIgnoringCase("close");
        ProblemShape.check(413, answer[1], answer[2], "body-too-large", "/api/v1/papers/batch");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        // more than quarkus.rest.input-buffer-size (10K), so read from the request as it comes, as an over-limit one
        String[] answer = postChunked(64 * 1024);
        assertThat(answer[0]).as(answer[2]).isEqualTo("200");
        assertThat(answer[2]).isEqualTo("[null]");
    }

    /**
     * POSTs {@code {"ids": [<blanks> "2409.99999"]}} to the batch endpoint chunked (no Content-Length), in 64K chunks,
     * with a real HTTP client that reads the answer while it is still sending; returns status, Content-Type, body and
     * the Connection header of the answer.
     */
    private String[] postChunked(int blanks) throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            return client.request(HttpMethod.POST, RestAssured.port, "localhost", "/api/v1/papers/batch")
                    .compose(request -> {
                        request.setChunked(true).putHeader("Content-Type", "application/json");
                        request.exceptionHandler(e -> {}); // the server may close while this still sends
                        Future<HttpClientResponse> response = request.response();
                        request.write("{\"ids\": [");
                        for (int left = blanks; left > 0; left -= spaces.length) {
                            request.write(Buffer.buffer(spaces).slice(0, Math.min(left, spaces.length)));
                        }
                        request.end("\"2409.99999\"]}");
                        return response.compose(r -> r.body().map(body -> new String[] {
                            Integer.toString(r.statusCode()),
                            r.getHeader("Content-Type"),
                            body.toString(StandardCharsets.UTF_8),
                            r.getHeader("Connection")
                        }));
                    })
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheOneShape() {
        Response doc = RestAssured.given().queryParam("format", "json").get("/q/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        io.paperstream.problem.ProblemShape.checkOpenApi(doc.asString());
    }
}
