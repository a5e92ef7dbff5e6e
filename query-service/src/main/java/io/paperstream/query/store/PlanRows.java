package io.paperstream.query.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The estimated row count of the top node of a PostgreSQL text plan ({@code ... rows=1234 width=...}). */
final class PlanRows {
    private static final Pattern ROWS = Pattern.compile("rows=(\\d+)");

    private PlanRows() {}

    static long of(String plan) {
        Matcher m = ROWS.matcher(plan);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
