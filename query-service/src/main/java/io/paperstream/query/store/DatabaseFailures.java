package io.paperstream.query.store;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Locale;

/**
 * Tells a database that is away (connection refused or lost, shutting down, out of connections: wait and retry)
 * from a statement the database refused (a data error: retrying cannot help).
 */
public final class DatabaseFailures {
    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        // an answer of the server decides by its SQL state alone: the text of a data error (which may quote the data,
        // "connection" and all) must never pass for an outage, or one record would hold its partition forever
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                // 08 connection exception, 53 insufficient resources, 57P0x operator intervention (shutdown)
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            // IOException: connection refused or lost; TimeoutException: no answer in time (a frozen server)
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String name = t.getClass().getName().toLowerCase(Locale.ROOT);
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("connect")
                    || name.contains("closed")
                    || name.contains("timeout")
                    || message.contains("connection")
                    || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
