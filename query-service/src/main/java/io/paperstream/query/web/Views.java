package io.paperstream.query.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** What the templates show. */
public final class Views {
    private Views() {}

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    /** The search page. */
    public record Search(
            SearchState state,
            List<UiPaper> papers,
            Long total,
            boolean totalExact,
            String nextHref,
            String previousHref,
            List<FacetGroup> facets,
            List<Selected> selected,
            String assets) {
        public String totalText() {
            if (total == null) {
                return papers.isEmpty() ? "No papers" : "Papers";
            }
            String n = number(total);
            String noun = total == 1 ? " paper" : " papers";
            return (totalExact ? n : "About " + n) + noun;
        }

        public boolean firstPage() {
            return state.cursor() == null;
        }

        public int pageNumber() {
            return state.pageNumber();
        }

        public String firstHref() {
            return state.withoutParams().href();
        }

        public String title() {
            return state.hasQuery() ? state.q() + " – paperstream" : "paperstream – papers";
        }

        public String sortValue() {
            return state.sort() == null ? "" : state.sort();
        }

        public List<Hidden> hidden() {
            return state.params().entrySet().stream()
                    .filter(e -> !e.getKey().equals("q")
                            && !e.getKey().equals("sort")
                            && !e.getKey().equals("cursor")
                            && !e.getKey().equals(SearchState.PREV))
                    .flatMap(e -> e.getValue().stream().map(v -> new Hidden(e.getKey(), v)))
                    .toList();
        }
    }

    /** A filter kept by the search form when the search text changes. */
    public record Hidden(String name, String value) {}

    /** One facet: its values with counts, each a link that adds (or removes, when selected) it. */
    public record FacetGroup(String name, String label, List<FacetValue> values) {
        /** Values beyond the first few are folded away. */
        public List<FacetValue> top() {
            return values.size() <= 8 ? values : values.subList(0, 8);
        }

        public List<FacetValue> rest() {
            return values.size() <= 8 ? List.of() : values.subList(8, values.size());
        }
    }

    public record FacetValue(String value, String label, long count, boolean selected, String href) {
        public String countText() {
            return number(count);
        }
    }

    /** A selected filter with the link that removes it. */
    public record Selected(String label, String value, String removeHref) {}

    /** The paper page. */
    public record PaperPage(UiPaper paper, List<Related> related, String apiHref, String assets) {}

    /** Other papers linking one repository. */
    public record Related(String repository, String repositoryUrl, List<UiPaper> papers) {}

    /** An error page: what went wrong in words, and the way back. */
    public record Error(int status, String heading, String message, String backHref, String backText, String assets) {}
}
