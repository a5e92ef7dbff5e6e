package io.paperstream.ingest.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * A "lingering close" after refusing a body (413): the rest of the body is read and thrown away for a short while,
 * so that a client still writing gets to read the answer instead of a broken pipe, then the connection is closed
 * rather than kept for a body nobody wants.
 */
final class Connections {
    static final long LINGER_MILLIS = 2000;

    private Connections() {}

    static void lingerThenClose(Vertx vertx, HttpServerRequest request) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long timer = vertx.setTimer(LINGER_MILLIS, t -> request.connection().close());
        request.handler(ignored -> {});
        request.endHandler(done -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }
}
