package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The framework's own errors (404, 405, 415, 413) are application/problem+json too. */
@IngestIT
class HttpErrorsIT {

    @Test
    void unknownPathIs404Problem() {
        RestAssured.given()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
        RestAssured.given().get("/nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405Problem() {
        Api.authorized()
                .put(Api.PAPERS)
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405))
                .header("Allow", notNullValue());
        RestAssured.given().get(Api.PAPERS).then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        Api.authorized()
                .contentType("application/pdf")
                .body("%PDF-1.4".getBytes())
                .post(Api.PAPERS)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/x-ndjson"));
    }

    @Test
    void bodyOverQuarkusLimitIs413Problem() throws Exception {
        // %test: Quarkus' own limit is 64M (a safety net above the NDJSON one); announce more than that.
        String answer = RawHttp.post(Api.PAPERS, "application/x-ndjson", 70_000_000L, "{}".getBytes());
        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"status\":413");
    }

    @Test
    void bodyOverTheFormatLimitIs413ProblemBeforeReadingIt() throws Exception {
        // %test: JSON bodies are limited to 2M, under Quarkus' limit.
        String answer = RawHttp.post(Api.PAPERS, "application/json", 3_000_000L, "[".getBytes());
        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("2097152 bytes");
    }
}
