package io.paperstream.query.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.events.PaperJson;
import io.paperstream.query.config.QueryConfig;
import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.CursorCodec;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.store.PaperQueries;
import io.paperstream.query.store.StoredPapers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;
import java.util.Set;

/** The paper search API: list with filters and keyset paging, one paper, and a live stream of stored papers. */
@Path("/api/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PapersResource {
    /** A page of results: {@code nextCursor} is null on the last page; {@code total} counts the whole result. */
    public record PageView(List<ObjectNode> items, String nextCursor, Long total) {
    }

    private final PaperQueries queries;
    private final StoredPapers stored;
    private final CursorCodec cursors;
    private final QueryConfig config;

    public PapersResource(PaperQueries queries, StoredPapers stored, QueryConfig config) {
        this.queries = queries;
        this.stored = stored;
        this.config = config;
        this.cursors = new CursorCodec(config.cursorSecret());
    }

    @GET
    @Operation(summary = "Search papers", description = "Filters combine with AND; repeated tag/linkKind/host/subject "
            + "values must all match. q uses web-search syntax: words, \"phrases\", OR, -exclude. Paging is by opaque "
            + "keyset cursor: following nextCursor never repeats or skips a paper that existed at the first page.")
    public Uni<PageView> list(@Context UriInfo uri,
                              @Parameter(description = "search text, web-search syntax") @QueryParam("q") String q,
                              @Parameter(description = "tag name; repeatable, all must match") @QueryParam("tag") List<String> tags,
                              @Parameter(description = "link kind, e.g. code; repeatable") @QueryParam("linkKind") List<String> linkKinds,
                              @Parameter(description = "link host, e.g. github.com; repeatable") @QueryParam("host") List<String> hosts,
                              @Parameter(description = "link subject, e.g. owner/repo; repeatable") @QueryParam("subject") List<String> subjects,
                              @Parameter(description = "published on or after (YYYY-MM-DD)") @QueryParam("from") String from,
                              @Parameter(description = "published on or before (YYYY-MM-DD)") @QueryParam("to") String to,
                              @Parameter(description = "relevance (default with q), newest (default), oldest") @QueryParam("sort") String sort,
                              @Parameter(description = "1-200, default 20") @QueryParam("limit") String limit,
                              @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                              @Parameter(description = "comma-separated fields to return; id always") @QueryParam("fields") String fields,
                              @Parameter(description = "include the total count (default true)") @QueryParam("total") String total) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.LIST_PARAMS);
        PaperFilter filter = QueryParams.filter(q, tags, linkKinds, hosts, subjects, from, to);
        Sort order = QueryParams.sort(sort, filter);
        int size = QueryParams.limit(limit, config.defaultLimit(), config.maxLimit());
        Set<String> wanted = QueryParams.fields(fields);
        boolean withTotal = QueryParams.bool("total", total, true);
        Cursor after = cursor == null || cursor.isBlank() ? null : cursors.decode(cursor);
        if (after != null && (after.sort() != order || !after.filterHash().equals(filter.hash(order)))) {
            throw new BadParameterException("cursor", "was issued for a different query; repeat the query's parameters");
        }
        return queries.page(filter, order, after, size, withTotal).map(page -> new PageView(
                page.papers().stream().map(p -> project(PaperView.of(p), wanted)).toList(),
                page.last() == null ? null : cursors.encode(page.last()),
                page.total() < 0 ? null : page.total()));
    }

    @GET
    @Path("/{id: .+}")
    @Operation(summary = "One paper by id (arxiv:…, doi:…, title:…)")
    public Uni<PaperView> byId(@PathParam("id") String id) {
        return queries.byId(id).map(p -> {
            if (p == null) {
                throw new NotFoundException("no paper with id '" + id + "'");
            }
            return PaperView.of(p);
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Papers as they are stored (Server-Sent Events)", description = "Same filters as the list, "
            + "with the same meaning. Every replica sees every stored paper (PostgreSQL LISTEN/NOTIFY). Live only: "
            + "papers stored while the client is not connected are not replayed; use the list with sort=newest for those.")
    public Multi<PaperView> stream(@Context UriInfo uri,
                                   @QueryParam("q") String q, @QueryParam("tag") List<String> tags,
                                   @QueryParam("linkKind") List<String> linkKinds, @QueryParam("host") List<String> hosts,
                                   @QueryParam("subject") List<String> subjects, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.FILTER_PARAMS);
        PaperFilter filter = QueryParams.filter(q, tags, linkKinds, hosts, subjects, from, to);
        return stored.stream(filter).map(PaperView::of);
    }

    static ObjectNode project(PaperView view, Set<String> fields) {
        ObjectNode node = PaperJson.mapper().valueToTree(view);
        if (fields.size() < PaperView.FIELDS.size()) {
            node.retain(fields);
        }
        return node;
    }
}
