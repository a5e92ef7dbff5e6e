package io.paperstream.query.store;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.JDBCException;

/**
 * Tells a database that is away (connection refused or lost, shutting down, out of connections: wait and retry) and
 * a transaction that lost a conflict with another (a deadlock or a serialization failure: run it again) from a
 * statement the database refused (a data error: retrying cannot help).
 */
public final class DatabaseFailures {
    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        // an answer of the server decides by its SQL state alone: the text of a data error (which may quote the data,
        // "connection" and all) must never pass for an outage, or one record would hold its partition forever
        String state = sqlState(failure);
        if (state != null) {
            // 08 connection exception, 53 insufficient resources, 57P0x operator intervention (shutdown)
            return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
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

    /**
     * The transaction was aborted because of other transactions, not because of its data: a deadlock (40P01) or a
     * serialization failure (40001). PostgreSQL's advice is to run the transaction again. The sink's concurrent
     * batches can deadlock on the facet counters: each trigger firing locks its counters in key order, but one
     * transaction fires several (the delete, the update and the insert of its upsert), so two transactions can take
     * the same counters in different orders.
     */
    public static boolean isConflict(Throwable failure) {
        String state = sqlState(failure);
        return "40P01".equals(state) || "40001".equals(state);
    }

    /**
     * The SQL state of the server's answer in the failure's causes, or null when the server did not answer. Hibernate
     * Reactive hands the driver's {@link PgException} on converted (a {@link JDBCException} over a
     * {@link SQLException} with the same state), so all three are read.
     */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String state = null;
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
            } else if (t instanceof JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null && !state.isEmpty()) {
                return state;
            }
        }
        return null;
    }

    /** Worth waiting for and trying again: an outage or a conflict. Anything else is the data's fault. */
    public static boolean isTransient(Throwable failure) {
        return isUnavailable(failure) || isConflict(failure);
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
