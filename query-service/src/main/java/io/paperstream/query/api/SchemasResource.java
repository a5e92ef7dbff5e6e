package io.paperstream.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The event contract where consumers look for it: the JSON Schemas of the topics' values at
 * {@code /schemas/<name>.v<major>.schema.json} and the AsyncAPI document at {@code /asyncapi.yaml} (its schema
 * references, {@code schemas/…}, resolve next to it). Each schema is served with its {@code $id} set to the URL it was
 * asked for, so the id resolves wherever query-service is reached (the files in paper-events name the local run's
 * address, http://localhost:8080/schemas/…), and the schemas' relative {@code $ref}s resolve against it.
 */
@Path("/")
public class SchemasResource {
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z][a-z-]*\\.v[0-9]+\\.schema\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @GET
    @Path("/schemas/{file}")
    @Operation(summary = "A JSON Schema of the event contract (raw-paper, enriched-paper, paper-alias), $id = this URL")
    public Response schema(@PathParam("file") String file, @Context UriInfo uri) {
        if (!SCHEMA_FILE.matcher(file).matches()) {
            throw new NotFoundException("no schema " + file);
        }
        try (InputStream in = resource("schemas/" + file)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.put("$id", uri.getAbsolutePath().toString());
            return Response.ok(JSON.writeValueAsString(schema), "application/schema+json")
                    .header("Cache-Control", "public, max-age=300")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/asyncapi.yaml")
    @Operation(summary = "The AsyncAPI 3.0 document of the Kafka topics")
    public Response asyncApi() {
        try (InputStream in = resource("asyncapi.yaml")) {
            return Response.ok(in.readAllBytes(), "application/yaml")
                    .header("Cache-Control", "public, max-age=300")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new NotFoundException("no " + name);
        }
        return in;
    }
}
