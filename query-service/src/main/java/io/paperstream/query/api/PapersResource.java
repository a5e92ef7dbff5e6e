package io.paperstream.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.events.PaperIds;
import io.paperstream.events.PaperJson;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemSchemaFilter;
import io.paperstream.query.config.CursorKeys;
import io.paperstream.query.config.QueryConfig;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.domain.Counting;
import io.paperstream.query.domain.Cursor;
import io.paperstream.query.domain.CursorCodec;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Snippet;
import io.paperstream.query.domain.Sort;
import io.paperstream.query.store.PaperQueries;
import io.paperstream.query.store.StoredPapers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The paper search API: list with filters and keyset paging, one paper, and a live stream of stored papers. */
@Path("/api/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
@BoundedRead
public class PapersResource {
    /**
     * A page of results. {@code nextCursor} is null on the last page. {@code total} counts the whole result, exactly
     * when {@code totalExact} is true, else it is a lower bound (more papers match than the configured limit).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageView(List<ObjectNode> items, String nextCursor, Long total, Boolean totalExact) {}

    private final PaperQueries queries;
    private final StoredPapers stored;
    private final CursorKeys keys;
    private final QueryConfig config;
    private final ExpensiveReads expensive;

    public PapersResource(
            PaperQueries queries, StoredPapers stored, QueryConfig config, CursorKeys keys, ExpensiveReads expensive) {
        this.queries = queries;
        this.stored = stored;
        this.config = config;
        this.keys = keys;
        this.expensive = expensive;
    }

    @GET
    @Operation(summary = "Search papers", description = """
            Filters combine with AND; repeated tag/linkKind/host/subject values must all match.
            `q` uses web-search syntax: words (all must occur), "quoted phrases", `OR`, `-excluded`.
            With `q` the default order is relevance: papers whose title alone matches the query first, then those whose
            keyphrases alone match, then those that match through the abstract (or across fields); newest first within
            each. Paging is by opaque keyset cursor: following `nextCursor` (with the same parameters) never repeats or
            skips a paper that existed when the first page was read, even while papers are being added.
            `total` is given on the first page (ask `total=true` to get it with a cursor too); it is exact when the
            first page holds the whole result, for all papers and for one tag, link kind or host, and otherwise up to
            `paperstream.query.total-limit` (1,000) matches; beyond that it is PostgreSQL's estimate with
            `totalExact: false`.
            Each item also has `snippet`, a short piece of its abstract for a result list: `{"text": …, "matches":
            [[start, end], …]}`, at most 200 characters (whitespace collapsed, `…` where cut), starting shortly before
            the first word that matches `q`, else at the abstract's start; `matches` are the offsets (UTF-16 units, end
            exclusive) of the words in `text` whose English stem is one of the search's (negated words excepted).""")
    @APIResponse(
            responseCode = "200",
            description = "A page of papers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PageView.class),
                            examples = @ExampleObject(name = "search", value = Examples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemSchemaFilter.PROBLEM),
                            examples = @ExampleObject(name = "bad limit", value = Examples.BAD_LIMIT)))
    @APIResponse(
            responseCode = "503",
            description = "A search while as many run and wait as the service takes "
                    + "(overloaded), or the database did not answer within the read timeout (database-unavailable); see "
                    + "Retry-After",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemSchemaFilter.PROBLEM),
                            examples = @ExampleObject(name = "overloaded", value = Examples.OVERLOADED)))
    // the query parameters (the filters are FilterParams' fields), described in the order the document lists them
    @Parameter(
            name = "author",
            in = ParameterIn.QUERY,
            description = "author name or part of it (case and accents ignored); repeatable, all must match",
            example = "Lovelace")
    @Parameter(
            name = "category",
            in = ParameterIn.QUERY,
            description = "arXiv category; repeatable, all must match",
            example = "cs.CL")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @Parameter(
            name = "fields",
            in = ParameterIn.QUERY,
            description = "comma-separated fields to return (id always): id, revision, title, "
                    + "abstract, authors, arxivId, doi, ids, publishedOn, categories, tags, links, "
                    + "keyphrases, enrichment, source, ingestedAt, storedAt, license, sources, snippet",
            example = "title,publishedOn,links,snippet")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "published on or after (YYYY-MM-DD)",
            example = "2024-01-01")
    @Parameter(
            name = "host",
            in = ParameterIn.QUERY,
            description = "link host; repeatable, all must match",
            example = "github.com")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size, 1-200 (default 20)", example = "20")
    @Parameter(
            name = "linkKind",
            in = ParameterIn.QUERY,
            description = "link kind: code, model, dataset, space, organization, paper, "
                    + "project-page, other; repeatable, all must match",
            example = "code")
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "search text, web-search syntax",
            example = "\"vision language\" -survey")
    @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "relevance (default with q), newest (default without q), oldest")
    @Parameter(
            name = "subject",
            in = ParameterIn.QUERY,
            description = "link subject (owner/repo for code, org/name for models and datasets); "
                    + "repeatable, all must match",
            example = "facebookresearch/segment-anything")
    @Parameter(
            name = "tag",
            in = ParameterIn.QUERY,
            description = "tag name; repeatable, all must match",
            example = "computer-vision")
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "published on or before (YYYY-MM-DD)",
            example = "2024-12-31")
    @Parameter(
            name = "total",
            in = ParameterIn.QUERY,
            description = "include the total (default: on the first page only)")
    public Uni<PageView> list(
            @Context UriInfo uri,
            @BeanParam FilterParams params,
            @QueryParam("sort") String sort,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("fields") String fields,
            @QueryParam("total") String total) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.LIST_PARAMS);
        PaperFilter filter = params.filter();
        Sort order = QueryParams.sort(sort, filter);
        int size = QueryParams.limit(limit, config.defaultLimit(), config.maxLimit());
        Set<String> wanted = QueryParams.fields(fields, LIST_FIELDS);
        CursorCodec cursors = keys.codec();
        Cursor after = cursor == null || cursor.isBlank() ? null : cursors.decode(cursor);
        boolean withTotal = QueryParams.bool("total", total, after == null);
        if (after != null && (after.sort() != order || !after.filterHash().equals(filter.hash(order)))) {
            throw new BadParameterException(
                    "cursor", "was issued for a different query; repeat the query's parameters");
        }
        Uni<Counting.Total> counted = withTotal
                ? queries.total(filter, config.totalLimit())
                : Uni.createFrom().nullItem();
        Uni<Set<String>> lexemes = filter.hasText() && wanted.contains(SNIPPET)
                ? queries.tsquery(filter.q()).map(Snippet::lexemes)
                : Uni.createFrom().item(Set.of());
        java.util.function.Supplier<Uni<PageView>> read = () -> queries.page(filter, order, after, size)
                .chain(page -> lexemes.chain(words -> (after == null && page.last() == null && withTotal
                                // the first page holds the whole result: its length is the exact total, nothing to
                                // count
                                ? Uni.createFrom()
                                        .item(new Counting.Total(page.papers().size(), true))
                                : counted)
                        .map(t -> new PageView(
                                page.papers().stream()
                                        .map(p -> withSnippet(
                                                project(PaperView.of(p), wanted), p.abstractText, words, wanted))
                                        .toList(),
                                page.last() == null ? null : cursors.encode(page.last()),
                                t == null ? null : t.count(),
                                t == null ? null : t.exact()))));
        // a search is expensive: it waits its turn in a bounded queue, or is shed with 503 (ExpensiveReads)
        return filter.hasText() ? expensive.run(read) : read.get();
    }

    /** The list's own field: a short piece of the abstract with the words matching {@code q} marked. */
    public static final String SNIPPET = "snippet";
    /** The fields of a list's items: a paper's, and its snippet. */
    static final Set<String> LIST_FIELDS = java.util.stream.Stream.concat(
                    PaperView.FIELDS.stream(), java.util.stream.Stream.of(SNIPPET))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static ObjectNode withSnippet(
            ObjectNode item, String abstractText, Set<String> lexemes, Set<String> wanted) {
        if (wanted.contains(SNIPPET)) {
            Snippet snippet = Snippet.of(abstractText, lexemes);
            if (snippet != null) {
                item.set(SNIPPET, PaperJson.mapper().valueToTree(snippet));
            }
        }
        return item;
    }

    @GET
    @Path("/{id: .+}")
    @Operation(summary = "One paper by any of its ids", description = """
            Any form of an id: `arxiv:2409.04828`, `arXiv:2409.04828v3`, the bare `2409.04828`, old-style
            `hep-th/9901001`, `https://arxiv.org/abs/…`, `doi:10.…` in any case, `https://doi.org/10.…`, arXiv's DOI
            `10.48550/arXiv.…` (which is the arXiv id), `title:<16 hex>`, or any alias of a paper (the id of a record that
            was merged into it). Answers the paper under its canonical id (`id`; all its ids in `ids`).""")
    @APIResponse(
            responseCode = "200",
            description = "The paper",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaperView.class),
                            examples = @ExampleObject(name = "paper", value = Examples.PAPER)))
    @APIResponse(
            responseCode = "400",
            description = "Not an id of any form; the problem names the parameter `id`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ProblemSchemaFilter.PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No paper with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ProblemSchemaFilter.PROBLEM)))
    public Uni<PaperView> byId(
            @Context UriInfo uri,
            @Parameter(description = "paper id in any form", example = "arxiv:2409.04828") @PathParam("id") String id) {
        QueryParams.onlyKnown(uri.getQueryParameters(), Set.of());
        String canonical = PaperIds.parseAnyForm(id)
                .orElseThrow(
                        () -> new BadParameterException(
                                "id",
                                "'" + id
                                        + "' is not a paper id: expected arxiv:<id>, an arXiv id, doi:<doi>, a DOI or its URL, or title:<16 hex>"));
        return queries.byAnyIds(List.of(canonical)).map(found -> {
            if (found.get(0) == null) {
                throw new NotFoundException("no paper with id '" + id + "'");
            }
            return PaperView.of(found.get(0));
        });
    }

    /** Up to this many ids in one batch request. */
    static final int MAX_BATCH = 500;

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Several papers by any of their ids", description = """
            Body `{"ids": [...]}` with 1 to 500 ids in any form `GET /api/v1/papers/{id}` accepts. Answers an array in
            the same order: the paper, or `null` for an id no paper has. An id of no known form, more than 500 ids or
            `ids` not an array of strings is a 400 naming it. `fields` selects fields as in the list.""")
    @APIResponse(responseCode = "200", description = "The papers, in the order of the ids (null where unknown)")
    @APIResponse(
            responseCode = "400",
            description = "The body or an id is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ProblemSchemaFilter.PROBLEM)))
    public Uni<List<ObjectNode>> batch(@Context UriInfo uri, @QueryParam("fields") String fields, JsonNode body) {
        QueryParams.onlyKnown(uri.getQueryParameters(), Set.of("fields"));
        Set<String> wanted = QueryParams.fields(fields);
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "must be a JSON object {\"ids\": [...]}");
        }
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw new BadParameterException("ids", "must be an array of paper ids");
        }
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw new BadParameterException(
                    "ids", "out-of-range", "must hold 1 to " + MAX_BATCH + " ids, not " + ids.size());
        }
        List<String> canonical = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode idNode = ids.get(i);
            String name = "ids[" + i + "]";
            if (!idNode.isTextual()) {
                throw new BadParameterException(name, "must be a string");
            }
            String given = idNode.asText();
            canonical.add(PaperIds.parseAnyForm(given)
                    .orElseThrow(() -> new BadParameterException(name, "'" + given + "' is not a paper id")));
        }
        return queries.byAnyIds(canonical)
                .map(found -> found.stream()
                        .map(p -> p == null ? null : project(PaperView.of(p), wanted))
                        .toList());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Papers as they are stored (Server-Sent Events)", description = """
            Same filters as the list, with the same meaning; each event is one paper as the list returns it, with an
            `id:` (its stream position). Every replica sees every stored paper (PostgreSQL LISTEN/NOTIFY from the storing
            transaction). A client that reconnects with `Last-Event-ID` (browsers' EventSource do so by themselves) first
            gets the matching papers stored since that event (up to `paperstream.query.stream.replay-limit`, 1,000),
            then the live ones. An idle stream carries a comment line every 15 s (heartbeat) so that proxies keep it.""")
    public Multi<OutboundSseEvent> events(
            @Context UriInfo uri,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @BeanParam FilterParams params) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.FILTER_PARAMS);
        PaperFilter filter = params.filter();
        StoredPapers.Position resumeAfter =
                lastEventId == null || lastEventId.isBlank() ? null : StoredPapers.Position.parse(lastEventId.strip());
        if (lastEventId != null && !lastEventId.isBlank() && resumeAfter == null) {
            throw new BadParameterException("Last-Event-ID", "not an event id of this stream");
        }
        Multi<io.paperstream.query.store.PaperEntity> papers = resumeAfter == null
                ? stored.stream(filter)
                : stored.resume(filter, resumeAfter, config.stream().replayLimit());
        Multi<OutboundSseEvent> events = papers.map(p -> sse.newEventBuilder()
                .id(StoredPapers.Position.of(p).text())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PaperView.class, PaperView.of(p))
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom()
                .ticks()
                .every(config.stream().heartbeat())
                .onOverflow()
                .drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    /** The live papers matching the filters, as the list shows them (for the web page's own stream). */
    public Multi<PaperView> stream(UriInfo uri, FilterParams params) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.FILTER_PARAMS);
        PaperFilter filter = params.filter();
        return stored.stream(filter).map(PaperView::of);
    }

    static ObjectNode project(PaperView view, Set<String> fields) {
        ObjectNode node = PaperJson.mapper().valueToTree(view);
        if (!fields.containsAll(PaperView.FIELDS)) {
            node.retain(fields);
        }
        return node;
    }
}
