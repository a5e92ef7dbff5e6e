package io.paperstream.query.api;

import io.paperstream.query.config.QueryConfig;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.store.PaperQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Aggregate views: tags with counts, facets of a search, and the papers that link one code repository. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    /** A facet value and its paper count. */
    public record CountView(String value, long count) {
    }

    /** Counts by tag, link kind and host for the papers a filter selects. */
    public record FacetsView(long total, List<CountView> tags, List<CountView> linkKinds, List<CountView> hosts) {
    }

    /** All tags in use, most used first. */
    public record TagsView(List<CountView> tags) {
    }

    private final PaperQueries queries;
    private final PapersResource papers;
    private final QueryConfig config;

    public CatalogResource(PaperQueries queries, PapersResource papers, QueryConfig config) {
        this.queries = queries;
        this.papers = papers;
        this.config = config;
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Every tag in use with its paper count")
    public Uni<TagsView> tags() {
        return queries.facets(PaperFilter.none(), 1000).map(f -> new TagsView(views(f.get("tag_names"))));
    }

    @GET
    @Path("/facets")
    @Operation(summary = "Counts by tag, link kind and host for the same filters as /papers")
    public Uni<FacetsView> facets(@Context UriInfo uri, @QueryParam("q") String q, @QueryParam("tag") List<String> tags,
                                  @QueryParam("linkKind") List<String> linkKinds, @QueryParam("host") List<String> hosts,
                                  @QueryParam("subject") List<String> subjects, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("limit") String limit) {
        QueryParams.onlyKnown(uri.getQueryParameters(), QueryParams.FACET_PARAMS);
        PaperFilter filter = QueryParams.filter(q, tags, linkKinds, hosts, subjects, from, to);
        int size = QueryParams.limit(limit, 50, 1000);
        return queries.total(filter).chain(total -> queries.facets(filter, size).map(f -> new FacetsView(total,
                views(f.get("tag_names")), views(f.get("link_kinds")), views(f.get("link_hosts")))));
    }

    @GET
    @Path("/code/{owner}/{repo}")
    @Operation(summary = "Papers that link a code repository (owner/repo on GitHub, GitLab, …), newest first")
    public Uni<PapersResource.PageView> code(@Context UriInfo uri, @PathParam("owner") String owner,
                                             @PathParam("repo") String repo, @QueryParam("limit") String limit,
                                             @QueryParam("cursor") String cursor, @QueryParam("fields") String fields) {
        QueryParams.onlyKnown(uri.getQueryParameters(), java.util.Set.of("limit", "cursor", "fields"));
        if (owner.isBlank() || repo.isBlank()) {
            throw new BadParameterException("repository", "needs an owner and a repository name");
        }
        return papers.list(uri, null, List.of(), List.of("code"), List.of(), List.of(owner + "/" + repo), null, null,
                "newest", limit, cursor, fields, null);
    }

    private static List<CountView> views(List<PaperQueries.Count> counts) {
        return counts.stream().map(c -> new CountView(c.value(), c.count())).toList();
    }

}
