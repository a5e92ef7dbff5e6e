package io.paperstream.query.web;

import io.paperstream.query.api.FilterParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the search page, held in its URL with the API's parameter names ({@code /?q=…&tag=…&linkKind=…}), and
 * the links that change it. Values are kept as given; the API validates them.
 */
public record SearchState(Map<String, List<String>> params) {
    /** The order of the parameters in the links the page makes. */
    static final List<String> ORDER = List.of(
            "q",
            "tag",
            "linkKind",
            "host",
            "category",
            "author",
            "subject",
            "from",
            "to",
            "sort",
            "limit",
            "cursor",
            "prev");
    /**
     * The page's own parameter (not the API's): the cursors of the pages before this one, oldest first, so that
     * "Previous page" works (the API's cursors go forward only). The last {@value #MAX_PREV} are kept.
     * (A cursor is about 130 characters; the HTTP server takes request lines up to 4,096.)
     */
    static final String PREV = "prev";

    static final int MAX_PREV = 12;
    /** Filters that can be given more than once. */
    static final List<String> MULTI = List.of("tag", "linkKind", "host", "category", "author", "subject");

    public SearchState {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : ORDER) {
            List<String> values = params.get(name);
            if (values != null) {
                List<String> kept = values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
                if (!kept.isEmpty()) {
                    copy.put(name, kept);
                }
            }
        }
        params = copy;
    }

    public static SearchState of(Map<String, List<String>> query) {
        return new SearchState(query);
    }

    public String one(String name) {
        List<String> v = params.get(name);
        return v == null ? null : v.get(0);
    }

    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    public String q() {
        return one("q");
    }

    public String sort() {
        return one("sort");
    }

    public String cursor() {
        return one("cursor");
    }

    public boolean hasQuery() {
        return q() != null;
    }

    /** Any filter or search text (what "clear" removes). */
    public boolean filtered() {
        return params.keySet().stream()
                .anyMatch(k -> !k.equals("sort") && !k.equals("limit") && !k.equals("cursor") && !k.equals(PREV));
    }

    /** The filters of this state, as the API's list, facets and stream take them. */
    public FilterParams filters() {
        return FilterParams.of(params);
    }

    /** The API's parameters of this state (without the page's own {@code prev}). */
    public Map<String, List<String>> apiParams() {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.remove(PREV);
        return p;
    }

    /** The number of this page in the walk (1 for the first). */
    public int pageNumber() {
        return cursor() == null ? 1 : all(PREV).size() + 2;
    }

    /** The next page: its cursor, this page's cursor added to the ones before. */
    public SearchState next(String nextCursor) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        List<String> before = new ArrayList<>(all(PREV));
        if (cursor() != null) {
            before.add(cursor());
        }
        p.put(PREV, before.size() > MAX_PREV ? before.subList(before.size() - MAX_PREV, before.size()) : before);
        p.put("cursor", List.of(nextCursor));
        return new SearchState(p);
    }

    /** The page before this one, or null on the first page. */
    public SearchState previous() {
        if (cursor() == null) {
            return null;
        }
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        List<String> before = all(PREV);
        p.remove(PREV);
        p.remove("cursor");
        if (!before.isEmpty()) {
            p.put("cursor", List.of(before.get(before.size() - 1)));
            p.put(PREV, before.subList(0, before.size() - 1));
        }
        return new SearchState(p);
    }

    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /** The same state with one value added to a filter (and the paging restarted). */
    public SearchState with(String name, String value) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.remove("cursor");
        p.remove(PREV);
        List<String> values = new ArrayList<>(MULTI.contains(name) ? all(name) : List.of());
        if (!values.contains(value)) {
            values.add(value);
        }
        p.put(name, values);
        return new SearchState(p);
    }

    /** The same state without one value of a parameter (and the paging restarted). */
    public SearchState without(String name, String value) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.remove("cursor");
        p.remove(PREV);
        List<String> values = new ArrayList<>(all(name));
        values.remove(value);
        p.put(name, values);
        return new SearchState(p);
    }

    /** The same state without some parameters (and the paging restarted). */
    public SearchState withoutParams(String... names) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.remove("cursor");
        p.remove(PREV);
        for (String n : names) {
            p.remove(n);
        }
        return new SearchState(p);
    }

    /** The link of a value's facet entry: adds the value, or removes it when selected. */
    public String toggle(String name, String value) {
        return (has(name, value) ? without(name, value) : with(name, value)).href();
    }

    /** This state as a link to the search page. */
    public String href() {
        return "/" + queryString("?");
    }

    /** The filters of this state as the query string of the live stream (no sort, limit or cursor). */
    public String liveHref() {
        return "/ui/live" + withoutParams("sort", "limit").queryString("?");
    }

    /** The same search in the JSON API. */
    public String apiHref() {
        return "/api/v1/papers" + new SearchState(apiParams()).queryString("?");
    }

    String queryString(String prefix) {
        StringBuilder s = new StringBuilder();
        params.forEach((name, values) -> values.forEach(v ->
                s.append(s.isEmpty() ? prefix : "&").append(name).append('=').append(Urls.query(v))));
        return s.toString();
    }
}
