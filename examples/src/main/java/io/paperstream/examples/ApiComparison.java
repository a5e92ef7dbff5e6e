package io.paperstream.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a replica with paperstream's query API: the same paper ids, each with the same revision. The API is fed
 * from the same topic by query-service with the same rules, so once both have caught up they agree.
 */
public final class ApiComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiComparison() {}

    /** id -> revision of every paper the API lists, walking its pages ({@code GET /api/v1/papers?fields=id,revision}). */
    public static Map<String, Long> apiRevisions(String baseUrl) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Long> revisions = new TreeMap<>();
        String cursor = null;
        do {
            String url = baseUrl.replaceAll("/+$", "") + "/api/v1/papers?limit=200&fields=id,revision"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items")
                    .forEach(item -> revisions.put(
                            item.path("id").asText(), item.path("revision").asLong()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return revisions;
    }

    /** The differences between the replica and the API's id -> revision, empty when they agree. */
    public static List<String> differences(Map<String, JsonNode> replica, Map<String, Long> api) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(replica.keySet());
        ids.addAll(api.keySet());
        for (String id : ids) {
            JsonNode paper = replica.get(id);
            Long revision = api.get(id);
            if (paper == null) {
                differences.add(id + ": in the API (r" + revision + "), not in the replica");
            } else if (revision == null) {
                differences.add(
                        id + ": in the replica (r" + paper.path("revision").asLong() + "), not in the API");
            } else if (paper.path("revision").asLong() != revision) {
                differences.add(id + ": replica r" + paper.path("revision").asLong() + ", API r" + revision);
            }
        }
        return differences;
    }
}
