package io.paperstream.ingest.it;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as a client with a valid token would send them. */
final class Api {
    static final String PAPERS = "/api/v1/papers";
    static final String TOKEN = "dev-token";

    private Api() {}

    /** Bodies are sent as given: no charset appended to text types (the service reads UTF-8 only). */
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .defaultContentCharset("UTF-8"));

    static RequestSpecification anonymous() {
        return RestAssured.given().config(AS_GIVEN);
    }

    static RequestSpecification authorized() {
        return anonymous().header("Authorization", "Bearer " + TOKEN);
    }

    static RequestSpecification json() {
        return authorized().contentType("application/json");
    }

    /** A valid paper in paperstream's JSON, with a unique title so that its id is unique. */
    static String paper(String title) {
        return """
                {"title": "%s", "abstract": "We study something carefully and report what we found in detail.",
                 "authors": ["Ada Lovelace", "Alan Turing"], "categories": ["cs.LG"]}""".formatted(title);
    }
}
