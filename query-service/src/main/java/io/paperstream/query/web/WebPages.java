package io.paperstream.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import io.paperstream.problem.ProblemException;
import io.paperstream.query.api.CatalogResource;
import io.paperstream.query.api.FilterParams;
import io.paperstream.query.api.PapersResource;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.store.DatabaseFailures;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages for people: the search page at {@code /} and a paper's page at {@code /paper/{id}}, rendered on the server
 * with Qute from the answers of the query API's own resources (called in-process, so a page costs one round trip and
 * shows exactly what the API answers), and the live stream of new papers as HTML fragments for the page's script.
 */
@Path("/")
public class WebPages {
    static final String HTML = "text/html;charset=UTF-8";
    /** Values per facet the page asks for; the first 8 are shown, the rest folded. */
    static final String FACET_LIMIT = "20";
    /** Facets of the API answer (by their JSON name) that the page shows, with their label and filter parameter. */
    private static final List<String[]> FACETS = List.of(
            new String[] {"tags", "Tags", "tag"},
            new String[] {"linkKinds", "Links", "linkKind"},
            new String[] {"hosts", "Hosts", "host"},
            new String[] {"categories", "Categories", "category"},
            new String[] {"years", "Years", "year"});
    /** Everything the page loads comes from here; no inline script or style. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Views.Search view);

        static native TemplateInstance paper(Views.PaperPage page);

        static native TemplateInstance error(Views.Error error);

        static native TemplateInstance item(UiPaper paper, boolean fresh);
    }

    private final PapersResource papers;
    private final CatalogResource catalog;

    public WebPages(PapersResource papers, CatalogResource catalog) {
        this.papers = papers;
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> search(@Context UriInfo uri) {
        SearchState state = SearchState.of(uri.getQueryParameters());
        // "relevance" is the default with a search text and means nothing without one: the page then sorts newest
        String sort = "relevance".equals(state.sort()) && !state.hasQuery() ? null : state.sort();
        // the API's own validation, of every parameter but the page's own (prev)
        Map<String, List<String>> given = new java.util.LinkedHashMap<>(uri.getQueryParameters());
        given.remove(SearchState.PREV);
        UriInfo api = UriInfos.withQuery(uri, given);
        FilterParams filters = state.filters();
        return call(() -> papers.list(api, filters, sort, state.one("limit"), state.cursor(), null, "true"))
                .chain(page -> call(() ->
                                catalog.facets(UriInfos.withQuery(uri, facetQuery(state)), filters, FACET_LIMIT, null))
                        .map(facets -> {
                            List<UiPaper> found =
                                    page.items().stream().map(UiPaper::of).toList();
                            JsonNode counts = PaperJson.mapper().valueToTree(facets);
                            // the total a person sees: the list's when exact, else the facets' when they counted
                            // exactly (they count up to 10,000 candidates, the list up to 1,000), else the list's
                            // estimate, said to be one
                            boolean listExact = page.total() != null && !Boolean.FALSE.equals(page.totalExact());
                            boolean facetsExact = counts.path("totalExact").asBoolean(true)
                                    && counts.path("countsExact").asBoolean(true)
                                    && counts.has("total");
                            Long total = listExact || !facetsExact
                                    ? page.total()
                                    : Long.valueOf(counts.get("total").asLong());
                            return new Views.Search(
                                    state,
                                    found,
                                    total,
                                    listExact || facetsExact,
                                    page.nextCursor() == null
                                            ? null
                                            : state.next(page.nextCursor()).href(),
                                    state.previous() == null
                                            ? null
                                            : state.previous().href(),
                                    facetGroups(state, counts),
                                    selected(state),
                                    Assets.VERSION);
                        }))
                .chain(view -> html(200, Templates.search(view)))
                .onFailure()
                .recoverWithUni(e -> errorPage(e, "This search cannot be run", "/", "Start a new search"));
    }

    @GET
    @Path("/paper/{id: .+}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> paper(@Context UriInfo uri, @PathParam("id") String id) {
        return call(() -> papers.byId(uri, id))
                .map(UiPaper::of)
                .chain(paper -> related(uri, paper)
                        .map(related -> new Views.PaperPage(
                                paper, related, "/api/v1/papers/" + Urls.pathSegment(paper.id()), Assets.VERSION)))
                .chain(page -> html(200, Templates.paper(page)))
                .onFailure()
                .recoverWithUni(e -> errorPage(e, "This is not a paper id", "/", "Search all papers"));
    }

    /** Other papers with a code link to the same repositories (at most 3 repositories, 10 papers each). */
    private Uni<List<Views.Related>> related(UriInfo uri, UiPaper paper) {
        List<String[]> repos = paper.repositories();
        Uni<List<Views.Related>> result = Uni.createFrom().item(new ArrayList<>());
        for (String[] repo : repos.subList(0, Math.min(3, repos.size()))) {
            result = result.chain(list -> call(() -> catalog.code(uri, repo[0], repo[1], "11", null, null, null))
                    .map(page -> {
                        List<UiPaper> others = page.items().stream()
                                .map(UiPaper::of)
                                .filter(p -> !p.id().equals(paper.id()))
                                .limit(10)
                                .toList();
                        String name = repo[0] + "/" + repo[1];
                        String url = paper.links().stream()
                                .filter(l ->
                                        "code".equals(l.kind()) && l.linkable() && name.equalsIgnoreCase(l.subject()))
                                .map(UiPaper.UiLink::url)
                                .findFirst()
                                .orElse(null);
                        list.add(new Views.Related(name, url, others));
                        return list;
                    })
                    // a repository name the API refuses is simply not looked up
                    .onFailure(BadParameterException.class)
                    .recoverWithItem(list));
        }
        return result;
    }

    private static Map<String, List<String>> facetQuery(SearchState state) {
        Set<String> facetParams = Set.of("q", "tag", "linkKind", "host", "category", "author", "subject", "from", "to");
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        state.params().forEach((k, v) -> {
            if (facetParams.contains(k)) {
                query.put(k, v);
            }
        });
        return query;
    }

    static List<Views.FacetGroup> facetGroups(SearchState state, JsonNode facets) {
        List<Views.FacetGroup> groups = new ArrayList<>();
        for (String[] f : FACETS) {
            JsonNode values = facets.get(f[0]);
            if (values == null || !values.isArray()) {
                continue;
            }
            String param = f[2];
            List<Views.FacetValue> list = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (JsonNode v : values) {
                String value = v.path("value").asText();
                shown.add(value);
                list.add(facetValue(state, param, value, v.path("count").asLong()));
            }
            // a selected value is always shown, even when it is not among the most frequent
            for (String selected : param.equals("year") ? List.<String>of() : state.all(param)) {
                if (!shown.contains(selected)) {
                    list.add(
                            0,
                            facetValue(
                                    state, param, selected, facets.path("total").asLong()));
                }
            }
            if (!list.isEmpty()) {
                groups.add(new Views.FacetGroup(param, f[1], list));
            }
        }
        return groups;
    }

    private static Views.FacetValue facetValue(SearchState state, String param, String value, long count) {
        if (param.equals("year")) {
            String from = value + "-01-01";
            String to = value + "-12-31";
            boolean selected = from.equals(state.one("from")) && to.equals(state.one("to"));
            SearchState next = selected
                    ? state.withoutParams("from", "to")
                    : state.withoutParams("from", "to").with("from", from).with("to", to);
            return new Views.FacetValue(value, value, count, selected, next.href());
        }
        String label = param.equals("linkKind") ? Labels.linkKind(value) : value;
        return new Views.FacetValue(value, label, count, state.has(param, value), state.toggle(param, value));
    }

    static List<Views.Selected> selected(SearchState state) {
        List<Views.Selected> chips = new ArrayList<>();
        if (state.hasQuery()) {
            chips.add(new Views.Selected(
                    "Search", state.q(), state.withoutParams("q", "sort").href()));
        }
        for (String name : SearchState.MULTI) {
            String label =
                    switch (name) {
                        case "tag" -> "Tag";
                        case "linkKind" -> "Link";
                        case "host" -> "Host";
                        case "category" -> "Category";
                        case "author" -> "Author";
                        default -> "Subject";
                    };
            for (String v : state.all(name)) {
                chips.add(new Views.Selected(
                        label,
                        name.equals("linkKind") ? Labels.linkKind(v) : v,
                        state.without(name, v).href()));
            }
        }
        String year = year(state);
        if (year != null) {
            chips.add(new Views.Selected(
                    "Year", year, state.withoutParams("from", "to").href()));
            return chips;
        }
        if (state.one("from") != null) {
            chips.add(new Views.Selected(
                    "From", state.one("from"), state.withoutParams("from").href()));
        }
        if (state.one("to") != null) {
            chips.add(new Views.Selected(
                    "To", state.one("to"), state.withoutParams("to").href()));
        }
        return chips;
    }

    /** The year when from/to span exactly one calendar year (a click on the year facet), else null. */
    static String year(SearchState state) {
        String from = state.one("from");
        String to = state.one("to");
        if (from == null
                || to == null
                || !from.matches("[0-9]{4}-01-01")
                || !to.equals(from.substring(0, 4) + "-12-31")) {
            return null;
        }
        return from.substring(0, 4);
    }

    /** Runs an API call, turning what it throws before answering into a failed Uni. */
    private static <T> Uni<T> call(Supplier<Uni<T>> api) {
        return Uni.createFrom().deferred(api::get);
    }

    private static Uni<Response> html(int status, TemplateInstance page) {
        return page.createUni()
                .map(body -> Response.status(status)
                        .entity(body)
                        .type(HTML)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .header("Content-Security-Policy", CSP)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "same-origin")
                        .build());
    }

    private static Uni<Response> errorPage(Throwable e, String badRequestHeading, String backHref, String backText) {
        Views.Error error;
        if (e instanceof BadParameterException bad) {
            error = new Views.Error(
                    400,
                    badRequestHeading,
                    "The parameter “" + bad.parameter() + "” is not valid: " + bad.getMessage() + ".",
                    backHref,
                    backText,
                    Assets.VERSION);
        } else if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            error = new Views.Error(404, "Not found", e.getMessage() + ".", "/", "Search all papers", Assets.VERSION);
        } else if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            error = new Views.Error(
                    web.getResponse().getStatus(),
                    "This request cannot be answered",
                    e.getMessage() + ".",
                    backHref,
                    backText,
                    Assets.VERSION);
        } else if (e instanceof ProblemException problem && problem.problem().status() == 503) {
            // shed under load (too many searches at once): the page says so, with the API's Retry-After
            String retryAfter = problem.headers().getOrDefault("Retry-After", "1");
            return html(
                            503,
                            Templates.error(new Views.Error(
                                    503,
                                    "Too many searches right now",
                                    "The server is answering many searches at the moment. Please try again in a few seconds.",
                                    backHref,
                                    "Try again",
                                    Assets.VERSION)))
                    .map(r -> Response.fromResponse(r)
                            .header("Retry-After", retryAfter)
                            .build());
        } else if (e instanceof ProblemException problem && problem.problem().status() < 500) {
            error = new Views.Error(
                    problem.problem().status(),
                    "This request cannot be answered",
                    problem.problem().detail() + ".",
                    backHref,
                    backText,
                    Assets.VERSION);
        } else if (DatabaseFailures.isUnavailable(e)) {
            Log.warnf("page: the database is unavailable: %s", e.getMessage());
            return html(
                            503,
                            Templates.error(new Views.Error(
                                    503,
                                    "The catalogue is unavailable",
                                    "The paper database cannot be reached right now. Please try again in a moment.",
                                    backHref,
                                    "Try again",
                                    Assets.VERSION)))
                    .map(r ->
                            Response.fromResponse(r).header("Retry-After", "5").build());
        } else {
            Log.error("page: unexpected error", e);
            error = new Views.Error(
                    500,
                    "Something went wrong",
                    "The server failed to answer this request; the problem is in its log.",
                    backHref,
                    backText,
                    Assets.VERSION);
        }
        return html(error.status(), Templates.error(error));
    }
}
