package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.query.domain.CursorCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Safe defaults of the query API: CORS only for configured origins, and cursor secrets read from a file (a mounted Secret) that are rolled without a restart while old cursors work.
 */
@QuarkusTest
@TestProfile(SafeDefaultsIT.Limited.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SafeDefaultsIT {
    static final String FIRST = "first-cursor-secret-0123456789";
    static final String SECOND = "second-cursor-secret-0123456789";
    static final Path SECRETS;

    static {
        try {
            SECRETS = Files.createTempFile("cursor-secrets", "");
            Files.writeString(SECRETS, FIRST + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "paperstream.query.cursor-secret-file",
                    SECRETS.toString(),
                    "paperstream.query.secret-reload-interval",
                    "0s");
        }
    }

    @Test
    void corsAnswersConfiguredOriginsOnly() {
        given().header("Origin", "https://allowed.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/papers")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://allowed.example")
                .header("Access-Control-Allow-Methods", containsString("GET"));
        given().header("Origin", "https://allowed.example")
                .get("/api/v1/tags")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://allowed.example");
        Response other = given().header("Origin", "https://elsewhere.example").get("/api/v1/tags");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aRotatedCursorSecretTakesEffectWithoutARestartAndOldCursorsKeepWorking() throws Exception {
        try (Feed feed = new Feed()) {
            for (int i = 1; i <= 3; i++) {
                feed.send(Papers.paper(
                        "arxiv:2605.0000" + i,
                        1,
                        "Rotation paper " + i,
                        "Paged.",
                        LocalDate.of(2025, 6, i),
                        List.of("rotation-it"),
                        List.of()));
            }
            Feed.awaitTagged("rotation-it", 3);
        }
        String old = nextCursor(null);
        assertThat(old).startsWith(CursorCodec.keyId(FIRST) + ".");

        Files.writeString(SECRETS, SECOND + "\n" + FIRST + "\n");
        String fresh = nextCursor(null);
        assertThat(fresh).as("signed with the new secret").startsWith(CursorCodec.keyId(SECOND) + ".");
        assertThat(nextCursor(old)).as("a cursor of the old secret still pages").isNotNull();

        Files.writeString(SECRETS, SECOND + "\n");
        given().queryParam("tag", "rotation-it")
                .queryParam("limit", 1)
                .queryParam("cursor", old)
                .get("/api/v1/papers")
                .then()
                .statusCode(400)
                .body("detail", containsString("rotated"));
        assertThat(nextCursor(fresh)).isNotNull();
    }

    private static String nextCursor(String cursor) {
        var request = given().queryParam("tag", "rotation-it").queryParam("limit", 1);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        Response r = request.get("/api/v1/papers");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath().getString("nextCursor");
    }
}
