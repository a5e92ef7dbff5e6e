package io.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code paper_search_query} (V5) replaces the phrase that websearch_to_tsquery makes of a hyphenated word by the
 * word's own lexeme. It must select exactly what websearch_to_tsquery selects, for every text and query here (words
 * with hyphens, numbers with signs, negations, OR, quoted phrases, words apart or in another order), and it must
 * actually rewrite the queries it can.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SearchQueryIT {
    private static final List<String> TEXTS = List.of(
            "A state-of-the-art codebook for speech.",
            "The state of the art in codebooks.",
            "Art: the state we are in, and a codebook.",
            "State-of-the-art-ish results, self-supervised.",
            "Self supervised learning, not self-supervised here? Yes it is.",
            "Supervised self-training with in-context examples.",
            "In context, examples help; context-free grammars too.",
            "We compare GPT-3.5-turbo to gpt-4o-mini on e-mail triage.",
            "GPT-3.5 and turbo charged engines; mini gpt 4o.",
            "COVID-19-related x-ray-based diagnosis with 3d-aware models.",
            "covid 19 related X ray based, 3D aware, non-autoregressive decoding.",
            "Non autoregressive decoding and co-training of e mail filters.",
            "A large-scale study of small-scale models.",
            "Large scale and small scale.");
    private static final List<String> WORDS = List.of(
            "state-of-the-art",
            "self-supervised",
            "in-context",
            "context-free",
            "gpt-3.5-turbo",
            "gpt-4o-mini",
            "e-mail",
            "covid-19-related",
            "x-ray-based",
            "3d-aware",
            "non-autoregressive",
            "co-training",
            "large-scale",
            "small-scale",
            "state-of-the-art-ish",
            "covid-19",
            "gpt-3.5");

    @Test
    void selectsWhatWebsearchSelects() throws Exception {
        List<String> queries = new ArrayList<>();
        for (String w : WORDS) {
            queries.add(w);
            queries.add("-" + w + " models");
            queries.add(w + " codebook");
            queries.add(w + " OR decoding");
            queries.add("\"" + w + " models\"");
            queries.add("\"" + w + "\" speech");
        }
        queries.add("state-of-the-art self-supervised -in-context");
        queries.add("large-scale OR small-scale -covid-19");
        int compared = 0;
        int rewritten = 0;
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement s = db.prepareStatement(
                        "SELECT to_tsvector('english', ?) @@ websearch_to_tsquery('english', ?), "
                                + "to_tsvector('english', ?) @@ paper_search_query(?), "
                                + "CAST(websearch_to_tsquery('english', ?) AS text) <> CAST(paper_search_query(?) AS text)")) {
            for (String q : queries) {
                boolean changed = false;
                for (String text : TEXTS) {
                    s.setString(1, text);
                    s.setString(2, q);
                    s.setString(3, text);
                    s.setString(4, q);
                    s.setString(5, q);
                    s.setString(6, q);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(rs.getBoolean(2)).as("%s in \"%s\"", q, text).isEqualTo(rs.getBoolean(1));
                        changed = rs.getBoolean(3);
                    }
                    compared++;
                }
                if (changed) {
                    rewritten++;
                    assertThat(q).doesNotContain("\"");
                }
            }
        }
        assertThat(compared).isEqualTo(queries.size() * TEXTS.size());
        // every unquoted query has a chain to replace but those of the 4 words that start with a number's sign after
        // the first part (covid-19, covid-19-related, gpt-3.5, gpt-3.5-turbo: the parser makes no whole-word lexeme)
        assertThat(rewritten).isEqualTo(4 * (WORDS.size() - 4) + 2);
    }
}
