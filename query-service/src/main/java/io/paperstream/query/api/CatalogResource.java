package io.paperstream.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemSchemaFilter;
import io.paperstream.query.config.QueryConfig;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.store.PaperQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Aggregate views: tags with counts, facets of a search, and the papers that link one code repository. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@BoundedRead
public class CatalogResource {
    /** A facet value and its paper count. */
    public record CountView(String value, long count) {}

    /**
     * Counts by tag, link kind, host, arXiv category and publication year for the papers a filter selects, most
     * frequent first (years newest first).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetsView(
            long total,
            Boolean totalExact,
            boolean countsExact,
            Double sample,
            List<CountView> tags,
            List<CountView> linkKinds,
            List<CountView> hosts,
            List<CountView> categories,
            List<CountView> years) {}

    /** All tags in use, most used first. */
    public record TagsView(List<CountView> tags) {}

    private final PaperQueries queries;
    private final PapersResource papers;
    private final QueryConfig config;
    private final ExpensiveReads expensive;

    public CatalogResource(PaperQueries queries, PapersResource papers, QueryConfig config, ExpensiveReads expensive) {
        this.queries = queries;
        this.papers = papers;
        this.config = config;
        this.expensive = expensive;
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Every tag in use with its paper count, most used first")
    @APIResponse(
            responseCode = "200",
            description = "Tags",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TagsView.class),
                            examples = @ExampleObject(name = "tags", value = Examples.TAGS)))
    public Uni<TagsView> tags(@Context UriInfo uri) {
        QueryParams.onlyKnown(uri.getQueryParameters(), Set.of());
        return queries.tags().map(tags -> new TagsView(views(tags)));
    }

    @GET
    @Path("/facets")
    @Operation(
            summary = "Counts by tag, link kind, host, category and year for the same filters as /papers",
            description = """
            The counts are of the papers the filters select (all papers without filters), most frequent first (ties by
            value), at most `limit` values per facet; `years` (the years of the papers' publication dates) are listed
            newest first, and a year's papers are those `from=YYYY-01-01&to=YYYY-12-31` selects. `total` is the number
            of selected papers. Without filters, or with one tag, one link kind or one host, they are read from
            counters. Other filters count the selected papers, all of them
            unless there are too many to count within the request's budget (about 10,000 candidates, a quarter of that
            for quoted phrases): then they count the selected papers of a fixed sample, an eighth of all papers chosen
            by id, scale the counts up by 8 and say so: `countsExact` and `totalExact` are false and `sample` is 0.125.
            `exact=true` always counts every selected paper, however long that takes.""")
    @APIResponse(
            responseCode = "200",
            description = "Facets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FacetsView.class),
                            examples = @ExampleObject(name = "facets", value = Examples.FACETS)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ProblemSchemaFilter.PROBLEM)))
    // the query parameters (the filters are FilterParams' fields), described in the order the document lists them
    @Parameter(name = "author", in = ParameterIn.QUERY, description = "author name; repeatable")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "arXiv category; repeatable")
    @Parameter(
            name = "exact",
            in = ParameterIn.QUERY,
            description =
                    "count every selected paper, even when there are too many to " + "count quickly (default false)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "published on or after")
    @Parameter(name = "host", in = ParameterIn.QUERY, description = "link host; repeatable")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "values per facet, 1-1000 (default 50)")
    @Parameter(name = "linkKind", in = ParameterIn.QUERY, description = "link kind; repeatable")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "search text, as in /papers")
    @Parameter(name = "subject", in = ParameterIn.QUERY, description = "link subject; repeatable")
    @Parameter(name = "tag", in = ParameterIn.QUERY, description = "tag; repeatable, all must match")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "published on or before")
    public Uni<FacetsView> facets(
            @Context UriInfo uri,
            @BeanParam FilterParams params,
            @QueryParam("limit") String limit,
            @QueryParam("exact") String exact) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.FACET_PARAMS);
        PaperFilter filter = params.filter();
        int size = QueryParams.limit(limit, 50, 1000);
        boolean all = QueryParams.bool("exact", exact, false);
        java.util.function.Supplier<Uni<FacetsView>> read =
                () -> queries.facets(filter, size, all, config.facetBudget())
                        .map(f -> new FacetsView(
                                f.total(),
                                f.exact(),
                                f.exact(),
                                f.exact() ? null : f.sample(),
                                views(f.counts().get("tag")),
                                views(f.counts().get("linkKind")),
                                views(f.counts().get("host")),
                                views(f.counts().get("category")),
                                views(f.counts().get("year"))));
        // the facets of a search are expensive: a bounded queue, or 503 (ExpensiveReads)
        return filter.hasText() ? expensive.run(read) : read.get();
    }

    @GET
    @Path("/code/{owner}/{repo}")
    @Operation(summary = "Papers that link a code repository", description = """
            The papers with a `code` link whose subject is owner/repo (GitHub, GitLab, Bitbucket, Codeberg; compared
            without regard to case), newest first, paged like /papers.""")
    @APIResponse(
            responseCode = "200",
            description = "A page of papers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PapersResource.PageView.class)))
    public Uni<PapersResource.PageView> code(
            @Context UriInfo uri,
            @Parameter(example = "facebookresearch") @PathParam("owner") String owner,
            @Parameter(example = "segment-anything") @PathParam("repo") String repo,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("fields") String fields,
            @QueryParam("total") String total) {
        QueryParams.onlyKnown(uri.getQueryParameters(), Set.of("limit", "cursor", "fields", "total"));
        QueryParams.pathSegment("owner", owner);
        QueryParams.pathSegment("repo", repo);
        FilterParams codeLinks =
                FilterParams.of(Map.of("linkKind", List.of("code"), "subject", List.of(owner + "/" + repo)));
        return papers.list(uri, codeLinks, "newest", limit, cursor, fields, total);
    }

    private static List<CountView> views(List<PaperQueries.Count> counts) {
        return counts == null
                ? List.of()
                : counts.stream().map(c -> new CountView(c.value(), c.count())).toList();
    }
}
