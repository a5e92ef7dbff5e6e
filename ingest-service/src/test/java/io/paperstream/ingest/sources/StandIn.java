package io.paperstream.ingest.sources;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in for arXiv's or Hugging Face's HTTP API on a loopback port (the JDK's HttpServer): answers are chosen by
 * a routing function of the request, or taken from a queue of one-off answers first (a 503, a malformed page); every
 * request is recorded with the time it arrived.
 */
public final class StandIn implements AutoCloseable {
    /** An HTTP answer. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Answer xml(String body) {
            return new Answer(200, "text/xml;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Answer json(String body) {
            return new Answer(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Answer status(int status, String body, Map<String, String> headers) {
            return new Answer(status, "text/plain", body.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    /** A request as received: its query parameters and when (System.nanoTime). */
    public record Request(String path, Map<String, String> query, long nanos) {}

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> once = new ArrayDeque<>();
    private volatile Function<Request, Answer> routes = r -> Answer.status(404, "not found", Map.of());

    public StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                URI uri = exchange.getRequestURI();
                Request request = new Request(uri.getPath(), query(uri.getRawQuery()), System.nanoTime());
                requests.add(request);
                Answer answer;
                synchronized (once) {
                    answer = once.pollFirst();
                }
                if (answer == null) {
                    answer = routes.apply(request);
                }
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StandIn routes(Function<Request, Answer> routes) {
        this.routes = routes;
        return this;
    }

    /** The next requests get these answers, in order, before the routes answer again. */
    public StandIn then(Answer... answers) {
        synchronized (once) {
            once.addAll(List.of(answers));
        }
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static String resource(String name) {
        try (InputStream in = StandIn.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The arXiv stand-in's routing: the three pages by resumption token, page 1 for a list request. */
    public static Function<Request, Answer> arxivPages() {
        return r -> {
            if (!"ListRecords".equals(r.query().get("verb"))) {
                return Answer.status(400, "bad verb", Map.of());
            }
            String token = r.query().get("resumptionToken");
            if (token == null) {
                return "arXiv".equals(r.query().get("metadataPrefix"))
                        ? Answer.xml(resource("oai/page1.xml"))
                        : Answer.status(400, "no metadataPrefix", Map.of());
            }
            return switch (token) {
                case "6961218|1001" -> Answer.xml(resource("oai/page2.xml"));
                case "6961218|2002" -> Answer.xml(resource("oai/page3.xml"));
                default -> Answer.xml(resource("oai/bad-resumption-token.xml"));
            };
        };
    }
}
