package io.paperstream.query;

import com.fasterxml.jackson.databind.JsonNode;

/** This service's view of http-problem's shared {@link io.paperstream.problem.ProblemShape} check. */
final class ProblemShape {
    private static final io.paperstream.problem.ProblemShape SHAPE = io.paperstream.problem.ProblemShape.STANDARD;

    private ProblemShape() {}

    static JsonNode check(int status, String contentType, String body, String slug, String path) {
        return SHAPE.check(status, contentType, body, slug, path);
    }

    static JsonNode checkRaw(String answer, int status, String slug, String path) {
        return SHAPE.checkRaw(answer, status, slug, path);
    }
}
