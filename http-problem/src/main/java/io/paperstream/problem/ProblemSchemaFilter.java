package io.paperstream.problem;

import java.util.Arrays;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Puts the one {@code Problem} and {@code FieldError} schema into a service's OpenAPI document
 * ({@code components.schemas}), so that both documents describe the same shape from this one place; the services'
 * error responses refer to {@code #/components/schemas/Problem}. Registered with {@code mp.openapi.filter}.
 */
public class ProblemSchemaFilter implements OASFilter {
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(PROBLEM, problem());
        components.addSchema(FIELD_ERROR, fieldError());
    }

    static Schema problem() {
        String types = String.join(
                ", ",
                Arrays.stream(ProblemType.values())
                        .map(t -> "`" + t.slug() + "` (" + t.status() + ")")
                        .toList());
        return object("""
                        An RFC 9457 problem (`application/problem+json`), the body of every error answer of paperstream's \
                        APIs. `type` is `https://paperstream.io/problems/<slug>`; `title` and `status` are fixed per type. \
                        A type may add extension members after the standard ones (ingest-service: `published`, the papers \
                        published before a request failed part-way; `records`, every record's outcome when none was valid).""")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        string("The problem type, a URI: `https://paperstream.io/problems/` and one of " + types
                                        + "; clients should accept types not listed yet")
                                .format("uri")
                                .example(ProblemType.INVALID_PARAMETER.uri()))
                .addProperty(
                        "title",
                        string("Short summary of the type, the same for every occurrence")
                                .example(ProblemType.INVALID_PARAMETER.title()))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("The HTTP status code")
                                .example(400))
                .addProperty("detail", string("This occurrence, in words").example("'limit' must be 1 to 200, not 0"))
                .addProperty(
                        "instance",
                        string("The path of the request")
                                .format("uri-reference")
                                .example("/api/v1/papers"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Each offending input, when the problem is about inputs")
                                .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .additionalPropertiesBoolean(true);
    }

    static Schema fieldError() {
        return object("One input a request got wrong")
                .addRequired("field")
                .addRequired("code")
                .addRequired("message")
                .addProperty(
                        "field",
                        string("The parameter, header, path segment or body field (`$`: the whole body, "
                                        + "`ids[3]`: an array element)")
                                .example("limit"))
                .addProperty(
                        "code",
                        string("What is wrong, for programs: e.g. invalid, unknown, missing, too-long, "
                                        + "out-of-range, malformed")
                                .example("out-of-range"))
                .addProperty("message", string("What is wrong, in words").example("must be 1 to 200"))
                .addProperty(
                        "index",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("In a batch: the 0-based position of the record"))
                .addProperty("location", string("In a batch: where the record is (e.g. line 17, $[3])"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
