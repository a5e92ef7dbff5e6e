package io.paperstream.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseFailuresTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "connection lost", new PgException("terminating connection", "FATAL", "57P01", null), true),
                Arguments.of("connection failure", new PgException("connection failure", "FATAL", "08006", null), true),
                Arguments.of("too many connections", new PgException("too many clients", "FATAL", "53300", null), true),
                Arguments.of("data error", new PgException("invalid input", "ERROR", "22P02", null), false),
                Arguments.of(
                        "data error quoting the word connection",
                        new RuntimeException(
                                "error executing SQL [connection]",
                                new PgException(
                                        "invalid input syntax: \"connection timed out\"", "ERROR", "22P02", null)),
                        false),
                Arguments.of(
                        "refused connection", new RuntimeException(new ConnectException("Connection refused")), true),
                Arguments.of("I/O", new IOException("broken pipe"), true),
                Arguments.of("closed pool", new IllegalStateException("Connection is closed"), true),
                Arguments.of(
                        "data error as Hibernate converts it, quoting the word connection",
                        new LockAcquisitionException(
                                "error executing SQL statement [connection]",
                                new SQLException("invalid input: connection", "22P02")),
                        false),
                Arguments.of("a bug", new NullPointerException("x"), false));
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(
                        "deadlock, wrapped as by Hibernate",
                        new RuntimeException(
                                "error executing SQL statement",
                                new PgException("deadlock detected", "ERROR", "40P01", null)),
                        true),
                Arguments.of(
                        "deadlock as Hibernate converts it",
                        new LockAcquisitionException(
                                "error executing SQL statement", new SQLException("deadlock detected", "40P01")),
                        true),
                Arguments.of(
                        "serialization failure",
                        new PgException("could not serialize access", "ERROR", "40001", null),
                        true),
                Arguments.of("data error", new PgException("invalid input", "ERROR", "22P02", null), false),
                Arguments.of(
                        "connection failure", new PgException("connection failure", "FATAL", "08006", null), false),
                Arguments.of("a bug", new NullPointerException("deadlock detected"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void tellsAConflictBetweenTransactionsFromARefusal(String what, Throwable failure, boolean conflict) {
        assertThat(DatabaseFailures.isConflict(failure)).isEqualTo(conflict);
        assertThat(DatabaseFailures.isTransient(failure))
                .isEqualTo(conflict || DatabaseFailures.isUnavailable(failure));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsAnOutageFromARefusal(String what, Throwable failure, boolean unavailable) {
        assertThat(DatabaseFailures.isUnavailable(failure)).isEqualTo(unavailable);
    }
}
