package io.paperstream.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static String json(Problem p) {
        return new String(p.toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheStandardMembersInOrderThenTheErrorsThenExtensions() {
        Problem p = Problem.of(ProblemType.INVALID_PARAMETER)
                .detail("'limit' must be 1 to 200, not 0")
                .instance("/api/v1/papers")
                .error("limit", "out-of-range", "must be 1 to 200")
                .extension("published", 3)
                .build();
        assertThat(json(p))
                .isEqualTo("{\"type\":\"https://paperstream.io/problems/invalid-parameter\","
                        + "\"title\":\"Invalid parameter\",\"status\":400,\"detail\":\"'limit' must be 1 to 200, not 0\","
                        + "\"instance\":\"/api/v1/papers\",\"errors\":[{\"field\":\"limit\",\"code\":\"out-of-range\","
                        + "\"message\":\"must be 1 to 200\"}],\"published\":3}");
    }

    @Test
    void leavesOutWhatIsNotThere() {
        assertThat(json(Problem.of(ProblemType.NOT_FOUND).build()))
                .isEqualTo(
                        "{\"type\":\"https://paperstream.io/problems/not-found\",\"title\":\"Not Found\",\"status\":404}");
    }

    @Test
    void aBatchRecordsErrorHasItsIndexAndLocation() {
        Problem p = Problem.of(ProblemType.NO_VALID_PAPER)
                .errors(List.of(new Problem.FieldError("abstract", "missing", "abstract is required", 0, "$[0]")))
                .build();
        assertThat(json(p))
                .contains("\"errors\":[{\"field\":\"abstract\",\"code\":\"missing\","
                        + "\"message\":\"abstract is required\",\"index\":0,\"location\":\"$[0]\"}]");
    }

    @Test
    void framesAnyStatusTheFrameworkRaises() {
        assertThat(Problem.ofStatus(405).build().type())
                .isEqualTo("https://paperstream.io/problems/method-not-allowed");
        assertThat(Problem.ofStatus(415).build().title()).isEqualTo("Unsupported Media Type");
        Problem uriTooLong = Problem.ofStatus(414).build();
        assertThat(uriTooLong.type()).isEqualTo("https://paperstream.io/problems/uri-too-long");
        assertThat(uriTooLong.status()).isEqualTo(414);
    }

    @Test
    void everyTypeHasItsOwnSlugAndAnErrorStatus() {
        assertThat(List.of(ProblemType.values()))
                .extracting(ProblemType::slug)
                .doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(List.of(ProblemType.values())).allMatch(t -> t.status() >= 400 && t.status() < 600);
    }

    @Test
    void theExceptionTakesTheRequestPathOnce() {
        ProblemException e = Problem.of(ProblemType.OVERLOADED).detail("busy").exception(Map.of("Retry-After", "2"));
        ProblemException located = e.at("/api/v1/papers");
        assertThat(located.problem().instance()).isEqualTo("/api/v1/papers");
        assertThat(located.headers()).containsEntry("Retry-After", "2");
        assertThat(located.at("/other").problem().instance()).isEqualTo("/api/v1/papers");
    }

    @Test
    void extensionsCannotShadowStandardMembers() {
        assertThatThrownBy(() -> Problem.of(ProblemType.NOT_FOUND).extension("status", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
