package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad parameter is a 400 problem naming it; injection strings are data; the framework's own errors are problems. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class BadRequestIT {
    private static final String PROBLEM = "application/problem+json";

    /** endpoint, parameter, bad value, the parameter the problem must name. */
    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("/api/v1/papers", "tags", "x", "tags"),
                Arguments.of("/api/v1/papers", "q", "a".repeat(501), "q"),
                Arguments.of("/api/v1/papers", "q", "nul\u0000byte", "q"),
                Arguments.of("/api/v1/papers", "tag", "Not A Tag!", "tag"),
                Arguments.of("/api/v1/papers", "tag", "", "tag"),
                Arguments.of("/api/v1/papers", "linkKind", "repository", "linkKind"),
                Arguments.of("/api/v1/papers", "host", "exa mple.com", "host"),
                Arguments.of("/api/v1/papers", "subject", "owner repo", "subject"),
                Arguments.of("/api/v1/papers", "from", "2024-13-01", "from"),
                Arguments.of("/api/v1/papers", "to", "yesterday", "to"),
                Arguments.of("/api/v1/papers", "sort", "best", "sort"),
                Arguments.of("/api/v1/papers", "sort", "relevance", "sort"),
                Arguments.of("/api/v1/papers", "limit", "0", "limit"),
                Arguments.of("/api/v1/papers", "limit", "201", "limit"),
                Arguments.of("/api/v1/papers", "limit", "ten", "limit"),
                Arguments.of("/api/v1/papers", "cursor", "bm90IGEgY3Vyc29y.c2lnbmF0dXJl", "cursor"),
                Arguments.of("/api/v1/papers", "cursor", "garbage", "cursor"),
                Arguments.of("/api/v1/papers", "fields", "title,nope", "fields"),
                Arguments.of("/api/v1/papers", "total", "maybe", "total"),
                Arguments.of("/api/v1/facets", "limit", "1001", "limit"),
                Arguments.of("/api/v1/facets", "sort", "newest", "sort"),
                Arguments.of("/api/v1/facets", "from", "2024-02-30", "from"),
                Arguments.of("/api/v1/tags", "tag", "x", "tag"),
                Arguments.of("/api/v1/papers/stream", "limit", "5", "limit"),
                Arguments.of("/api/v1/papers/stream", "to", "2024/01/01", "to"),
                Arguments.of("/api/v1/code/octo/router", "q", "x", "q"),
                Arguments.of("/api/v1/code/octo/router", "limit", "-1", "limit"),
                Arguments.of("/api/v1/papers/arxiv:2401.00001", "fields", "title", "fields"));
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("badParameters")
    void aBadParameterIsA400ProblemNamingIt(String path, String name, String value, String named) {
        given().queryParam(name, value)
                .when()
                .get(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid parameter"))
                .body("detail", containsString("'" + named + "'"))
                .body("errors[0].field", equalTo(named));
    }

    @Test
    void fromAfterToNamesFrom() {
        given().queryParam("from", "2024-02-01")
                .queryParam("to", "2024-01-01")
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aCursorIsOnlyValidForTheQueryThatIssuedIt() {
        String cursor = given().queryParam("limit", 1)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        if (cursor != null) {
            given().queryParam("limit", 1)
                    .queryParam("cursor", cursor)
                    .queryParam("sort", "oldest")
                    .when()
                    .get("/api/v1/papers")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
            // one character changed: the signature no longer matches
            String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
            given().queryParam("limit", 1)
                    .queryParam("cursor", tampered)
                    .when()
                    .get("/api/v1/papers")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void badPathSegmentsOfTheCodeEndpointNameTheSegment() {
        when().get("/api/v1/code/{owner}/{repo}", "a b", "repo")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("owner"));
        when().get("/api/v1/code/{owner}/{repo}", "owner", "re;po")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("repo"));
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE paper; --",
            "1; SELECT pg_sleep(5)",
            "$1",
            "?1 :name",
            "\\",
            "') UNION SELECT id, id, id FROM paper --",
            "{\"a\",\"b\"}",
            "日本語'--");

    @Test
    void injectionStringsInEveryParameterAreDataNeverSql() {
        long before = paperCount();
        List<String> params = List.of(
                "q",
                "tag",
                "linkKind",
                "host",
                "subject",
                "from",
                "to",
                "sort",
                "limit",
                "cursor",
                "fields",
                "total",
                "exact");
        for (String param : params) {
            for (String injection : INJECTIONS) {
                for (String path : List.of("/api/v1/papers", "/api/v1/facets")) {
                    if (path.endsWith("facets")
                            && List.of("sort", "cursor", "fields", "total").contains(param)) {
                        continue;
                    }
                    RequestSpecification request =
                            given().urlEncodingEnabled(true).queryParam(param, injection);
                    int status = request.when()
                            .get(path)
                            .then()
                            .statusCode(anyOf(is(200), is(400)))
                            .extract()
                            .statusCode();
                    // refused naming the parameter, or taken as a value (a tag named "1e309" is a valid, unused tag)
                    if (status == 400) {
                        given().queryParam(param, injection)
                                .when()
                                .get(path)
                                .then()
                                .contentType(PROBLEM)
                                .body("errors[0].field", equalTo(param));
                    }
                }
            }
        }
        for (String injection : INJECTIONS) {
            String segment =
                    URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20");
            given().urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/papers/" + segment)
                    .then()
                    .statusCode(anyOf(is(404), is(400)))
                    .contentType(PROBLEM);
            // a harmless name such as 1e309 is a valid (empty) listing; anything else is refused or not found
            given().urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/code/" + segment + "/" + segment)
                    .then()
                    .statusCode(anyOf(is(200), is(400), is(404)));
        }
        assertThat(paperCount()).as("nothing was dropped or changed").isEqualTo(before);
    }

    private static long paperCount() {
        return ((Number) when().get("/api/v1/facets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total"))
                .longValue();
    }

    @Test
    void unknownPathsAreProblems() {
        when().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        when().get("/nothing-here").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        when().get("/api/v1/papers/{id}", "arxiv:1999.99999")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("arxiv:1999.99999"));
    }

    @Test
    void wrongMethodsAreProblems() {
        when().delete("/api/v1/papers")
                .then()
                .statusCode(405)
                .contentType(PROBLEM)
                .body("status", equalTo(405));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/facets")
                .then()
                .statusCode(405)
                .contentType(PROBLEM);
    }

    @Test
    void unacceptableMediaTypesAreProblems() {
        given().accept("application/xml")
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(406)
                .contentType(PROBLEM)
                .body("status", equalTo(406));
    }
}
