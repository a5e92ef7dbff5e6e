package io.paperstream.ingest.api;

import io.paperstream.events.PaperIds;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /api/v1/papers}: papers in any supported format → {@code papers.raw}, answered 202 once the broker has
 * acknowledged them; {@code DELETE /api/v1/papers/{id}}: a tombstone. The body is an InputStream read on a worker
 * thread, so NDJSON streams through without being held in memory.
 */
@Path(ApiPaths.PAPERS)
public class PaperResource {
    private final IngestService ingest;

    public PaperResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes({
        MediaType.APPLICATION_JSON,
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        MediaType.TEXT_PLAIN,
        "application/atom+xml"
    })
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @QueryParam("format") String format,
            @QueryParam("date") String date,
            @QueryParam("source") String source) {
        IngestResponse response =
                ingest.ingest(new IngestRequest(body, contentType, contentLength, format, date, source));
        return Response.accepted(response).build();
    }

    @DELETE
    @Path("{id: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        if (!PaperIds.isValid(id)) {
            throw Problem.of(ProblemType.INVALID_ID)
                    .detail(
                            "'" + (id.length() > 120 ? id.substring(0, 120) + "..." : id)
                                    + "' is not a paper id: arxiv:<id without version>, doi:<lower-case doi> or title:<16 hex>.")
                    .error("id", "invalid", "not a paper id")
                    .exception();
        }
        ingest.delete(id);
        return Response.accepted(Map.of("id", id, "tombstone", true)).build();
    }
}
