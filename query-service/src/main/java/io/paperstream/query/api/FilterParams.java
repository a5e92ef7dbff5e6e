package io.paperstream.query.api;

import io.paperstream.query.domain.PaperFilter;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;

/**
 * The filter parameters of the paper list, the facets and the live stream ({@link QueryParams#FILTER_PARAMS}), taken
 * with {@code @BeanParam}, as given: {@link #filter()} validates them. Each endpoint describes them in its OpenAPI
 * document itself (method-level {@code @Parameter} by name), as their descriptions differ. The web pages make one
 * from the search page's own parameters with {@link #of(Map)}.
 */
public class FilterParams {
    @QueryParam("q")
    String q;

    @QueryParam("tag")
    List<String> tags;

    @QueryParam("linkKind")
    List<String> linkKinds;

    @QueryParam("host")
    List<String> hosts;

    @QueryParam("subject")
    List<String> subjects;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("category")
    List<String> categories;

    @QueryParam("author")
    List<String> authors;

    /**
     * The filters among parameters by their query names: the first value of {@code q}, {@code from} and {@code to}
     * (null without one), all values of the others (none without any).
     */
    public static FilterParams of(Map<String, List<String>> params) {
        FilterParams p = new FilterParams();
        p.q = first(params, "q");
        p.tags = params.getOrDefault("tag", List.of());
        p.linkKinds = params.getOrDefault("linkKind", List.of());
        p.hosts = params.getOrDefault("host", List.of());
        p.subjects = params.getOrDefault("subject", List.of());
        p.from = first(params, "from");
        p.to = first(params, "to");
        p.categories = params.getOrDefault("category", List.of());
        p.authors = params.getOrDefault("author", List.of());
        return p;
    }

    /** The filter these parameters select, validated and normalised; a refusal names its parameter. */
    public PaperFilter filter() {
        return QueryParams.filter(q, tags, linkKinds, hosts, subjects, from, to, categories, authors);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
