package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.testsupport.TopicMark;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes need a configured bearer token (several valid at once); health, metrics and OpenAPI stay open. */
@IngestIT
class AuthIT {
    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void missingOrWrongTokenIs401ProblemAndPublishesNothing() {
        TopicMark mark = RawTopic.mark();
        String body = Api.paper("Unauthorised " + UUID.randomUUID());
        Api.anonymous()
                .contentType("application/json")
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        Api.anonymous()
                .header("Authorization", "Bearer not-a-token")
                .contentType("application/json")
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
        Api.anonymous()
                .header("Authorization", "Basic ZGV2OmRldg==")
                .contentType("application/json")
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(401);
        Api.anonymous()
                .header("Authorization", "Bearer dev-token-but-longer")
                .contentType("application/json")
                .body(body)
                .post(Api.PAPERS)
                .then()
                .statusCode(401);
        RestAssured.given().delete(Api.PAPERS + "/arxiv:2409.04828").then().statusCode(401);
        assertThat(mark.written()).isZero();
    }

    @Test
    void everyConfiguredTokenIsAccepted() {
        for (String token : new String[] {"dev-token", "rotated-token"}) {
            Api.anonymous()
                    .header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .body(Api.paper("Token " + token + " " + UUID.randomUUID()))
                    .post(Api.PAPERS)
                    .then()
                    .statusCode(202);
        }
        Api.anonymous()
                .header("Authorization", "bearer  dev-token ")
                .contentType("application/json")
                .body(Api.paper("Lower-case scheme " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        // health and metrics are on the management interface, its own port
        RestAssured.given().get(ready).then().statusCode(200);
        RestAssured.given().get(metrics).then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
