package io.paperstream.problem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared OpenAPI check passes on a document that describes the one shape and fails on one that does not. */
class ProblemShapeOpenApiTest {
    static final String DOC = """
            {"paths": {"/p": {"get": {"responses": {"400": {"content": {"application/problem+json":
              {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
              "Problem": {"properties": {"type": {}, "title": {}, "status": {}, "detail": {}, "instance": {},
                "errors": {"items": {"$ref": "#/components/schemas/FieldError"}}}},
              "FieldError": {"properties": {"field": {}, "code": {}, "message": {}}}}}}""";

    @Test
    void aDocumentWithTheShapePasses() {
        ProblemShape.checkOpenApi(DOC);
    }

    @Test
    void aDocumentMissingAPartFails() {
        assertThatThrownBy(() -> ProblemShape.checkOpenApi(DOC.replace("\"instance\": {},", "")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProblemShape.checkOpenApi(DOC.replace("schemas/FieldError\"", "schemas/Other\"")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProblemShape.checkOpenApi(DOC.replace("\"code\": {}, ", "")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() ->
                        ProblemShape.checkOpenApi(DOC.replace("{\"$ref\": \"#/components/schemas/Problem\"}", "{}")))
                .as("no response refers to it")
                .isInstanceOf(AssertionError.class);
    }
}
