package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The event contract is served where the guide says: schemas with an $id that is their URL, and the AsyncAPI. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SchemasIT {

    @Test
    void schemasAreServedUnderTheirId() {
        for (String file :
                new String[] {"raw-paper.v1.schema.json", "enriched-paper.v1.schema.json", "paper-alias.v1.schema.json"
                }) {
            String url = when().get("/schemas/" + file)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("application/schema+json"))
                    .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                    .body("$id", endsWith("/schemas/" + file))
                    .extract()
                    .path("$id");
            given().baseUri(url.substring(0, url.indexOf("/schemas/")))
                    .when()
                    .get("/schemas/" + file)
                    .then()
                    .statusCode(200)
                    .body("title", containsString("v1"));
        }
        given().header("Host", "papers.example.org")
                .when()
                .get("/schemas/paper-alias.v1.schema.json")
                .then()
                .statusCode(200)
                .body("$id", equalTo("http://papers.example.org/schemas/paper-alias.v1.schema.json"));
    }

    @Test
    void asyncApiIsServedAndUnknownSchemasAreProblems() {
        when().get("/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("papers.aliases"));
        when().get("/schemas/nothing.v1.schema.json")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        when().get("/schemas/..%2Fapplication.properties").then().statusCode(404);
    }
}
