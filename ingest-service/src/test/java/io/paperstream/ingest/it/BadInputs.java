package io.paperstream.ingest.it;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The corpus of bad inputs: what is sent, and the status it must get. */
final class BadInputs {
    private static final String ABSTRACT = "An abstract that is long enough to pass every check we have.";

    private BadInputs() {}

    record Case(String name, int status, Supplier<Response> request) {
        Response send() {
            return request.get();
        }

        @Override
        public String toString() {
            return status + " " + name;
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // JSON: unreadable bodies
        json(cases, "malformed JSON", 400, "{\"title\": ");
        json(cases, "trailing data after the JSON value", 400, paper("Trailing") + " {}");
        json(cases, "duplicate keys", 400, "{\"title\": \"A\", \"title\": \"B\", \"abstract\": \"" + ABSTRACT + "\"}");
        json(cases, "a JSON number", 400, "42");
        json(cases, "an empty body", 400, "");
        json(cases, "an empty array", 400, "[]");
        json(cases, "nesting 200 deep", 400, "[".repeat(200) + "]".repeat(200));
        bytes(
                cases,
                "invalid UTF-8 in JSON",
                400,
                "application/json",
                concat(
                        "{\"title\": \"Bad ".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        ("\", \"abstract\": \"" + ABSTRACT + "\"}").getBytes(StandardCharsets.UTF_8)));
        bytes(
                cases,
                "overlong UTF-8 encoding of '/'",
                400,
                "application/json",
                concat(
                        "{\"title\": \"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        "\"}".getBytes(StandardCharsets.UTF_8)));
        // JSON: invalid papers
        json(cases, "missing title", 400, "{\"abstract\": \"" + ABSTRACT + "\"}");
        json(cases, "missing abstract", 400, "{\"title\": \"A Title\"}");
        json(cases, "blank title", 400, "{\"title\": \" \\t \\n \", \"abstract\": \"" + ABSTRACT + "\"}");
        json(cases, "title over 1000 characters", 400, paper("T".repeat(1001)));
        json(
                cases,
                "abstract over 20000 characters",
                400,
                "{\"title\": \"Long abstract\", \"abstract\": \"" + "a ".repeat(10_001) + "\"}");
        json(cases, "abstract under 10 characters", 400, "{\"title\": \"Short abstract\", \"abstract\": \"Tiny.\"}");
        json(cases, "control character in title", 400, paper("Bell \\u0007 in title"));
        json(cases, "NUL in abstract", 400, "{\"title\": \"NUL\", \"abstract\": \"" + ABSTRACT + "\\u0000\"}");
        json(cases, "unpaired surrogate", 400, paper("Lone \\ud800 surrogate"));
        json(cases, "bidi override (trojan source)", 400, paper("Reversed \\u202e txet"));
        json(cases, "title of the wrong type", 400, "{\"title\": 42, \"abstract\": \"" + ABSTRACT + "\"}");
        json(
                cases,
                "authors of the wrong type",
                400,
                "{\"title\": \"Authors\", \"abstract\": \"" + ABSTRACT + "\", \"authors\": [1, 2]}");
        json(
                cases,
                "2001 authors",
                400,
                "{\"title\": \"Crowd\", \"abstract\": \"" + ABSTRACT + "\", \"authors\": [" + "\"A\",".repeat(2000)
                        + "\"A\"]}");
        json(
                cases,
                "author name over 300 characters",
                400,
                "{\"title\": \"Long name\", \"abstract\": \"" + ABSTRACT + "\", \"authors\": [\"" + "N".repeat(301)
                        + "\"]}");
        json(
                cases,
                "invalid arXiv id",
                400,
                "{\"title\": \"Bad id\", \"abstract\": \"" + ABSTRACT + "\", \"arxivId\": \"not-an-id\"}");
        json(
                cases,
                "invalid DOI",
                400,
                "{\"title\": \"Bad DOI\", \"abstract\": \"" + ABSTRACT + "\", \"doi\": \"11.x\"}");
        json(
                cases,
                "invalid publishedOn",
                400,
                "{\"title\": \"Bad date\", \"abstract\": \"" + ABSTRACT + "\", \"publishedOn\": \"14/03/2025\"}");
        json(
                cases,
                "javascript: link",
                400,
                "{\"title\": \"Bad link\", \"abstract\": \"" + ABSTRACT
                        + "\", \"links\": [{\"url\": \"javascript:alert(1)\"}]}");
        json(cases, "an array of only invalid papers", 400, "[{\"title\": \"x\"}, {\"abstract\": \"y\"}, 7]");
        // NDJSON
        ndjson(cases, "NDJSON of malformed lines only", 400, "{\"title\": \n[1,2\nnot json\n");
        bytes(
                cases,
                "NDJSON line with invalid UTF-8",
                400,
                "application/x-ndjson",
                concat(
                        "{\"title\": \"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xFF},
                        "\"}\n".getBytes(StandardCharsets.UTF_8)));
        ndjson(cases, "NDJSON line over 64K", 400, paper("Huge " + "x".repeat(70_000)) + "\n");
        // Digest text
        text(cases, "digest with page furniture only", 400, "new\n\nSubscribe\n\nMar 14\n");
        text(cases, "digest with a title and no abstract", 400, "Mar 14\n\nA Lonely Title\n");
        bytes(
                cases,
                "digest with invalid UTF-8",
                400,
                "text/plain",
                concat("Title\n\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80
                }));
        cases.add(new Case(
                "invalid date parameter",
                400,
                () -> Api.authorized()
                        .contentType("text/plain")
                        .queryParam("date", "14 March")
                        .body(("T\n\n" + ABSTRACT).getBytes(StandardCharsets.UTF_8))
                        .post(Api.PAPERS)));
        // Atom
        atom(cases, "malformed XML", 400, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".getBytes());
        atom(cases, "XXE (external entity)", 400, Samples.bytes("xxe.xml"));
        atom(cases, "billion laughs (entity expansion)", 400, Samples.bytes("billion-laughs.xml"));
        atom(cases, "RSS instead of Atom", 400, "<rss version=\"2.0\"><channel/></rss>".getBytes());
        atom(
                cases,
                "Atom entry without summary",
                400,
                ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                                + "<id>http://arxiv.org/abs/2409.04828v2</id><title>No summary</title></entry></feed>")
                        .getBytes());
        // HTTP level
        bytes(cases, "unsupported media type", 415, "application/pdf", "%PDF-1.4".getBytes());
        bytes(
                cases,
                "a charset other than UTF-8",
                415,
                "application/json; charset=ISO-8859-1",
                paper("Latin").getBytes(StandardCharsets.ISO_8859_1));
        cases.add(new Case(
                "no Content-Type",
                415,
                () -> Api.authorized().body(paper("No type").getBytes()).post(Api.PAPERS)));
        cases.add(new Case(
                "unknown format parameter",
                400,
                () -> Api.json()
                        .queryParam("format", "csv")
                        .body(paper("Format"))
                        .post(Api.PAPERS)));
        cases.add(new Case(
                "format parameter that contradicts the media type",
                400,
                () -> Api.json()
                        .queryParam("format", "atom")
                        .body(paper("Format"))
                        .post(Api.PAPERS)));
        cases.add(new Case(
                "invalid source parameter",
                400,
                () -> Api.json()
                        .queryParam("source", "<script>")
                        .body(paper("Source"))
                        .post(Api.PAPERS)));
        cases.add(new Case(
                "JSON body over 2M announced by Content-Length",
                413,
                () -> Api.json().body(bigJsonArray()).post(Api.PAPERS)));
        cases.add(new Case(
                "JSON body over 2M streamed without Content-Length",
                413,
                () -> Api.json().body(new ByteArrayInputStream(bigJsonArray())).post(Api.PAPERS)));
        cases.add(new Case(
                "no bearer token",
                401,
                () -> Api.anonymous()
                        .contentType("application/json")
                        .body(paper("Anonymous"))
                        .post(Api.PAPERS)));
        cases.add(new Case(
                "wrong bearer token",
                401,
                () -> Api.anonymous()
                        .header("Authorization", "Bearer guess")
                        .contentType("application/json")
                        .body(paper("Guess"))
                        .post(Api.PAPERS)));
        cases.add(
                new Case("DELETE of a malformed id", 400, () -> Api.authorized().delete(Api.PAPERS + "/arxiv:bad")));
        return cases;
    }

    private static byte[] bigJsonArray() {
        return ("[" + (paper("Big") + ",").repeat(25_000) + paper("Big") + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static String paper(String title) {
        return "{\"title\": \"" + title + "\", \"abstract\": \"" + ABSTRACT + "\"}";
    }

    private static void json(List<Case> cases, String name, int status, String body) {
        bytes(cases, name, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void ndjson(List<Case> cases, String name, int status, String body) {
        bytes(cases, name, status, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(List<Case> cases, String name, int status, String body) {
        bytes(cases, name, status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void atom(List<Case> cases, String name, int status, byte[] body) {
        bytes(cases, name, status, "application/atom+xml", body);
    }

    private static void bytes(List<Case> cases, String name, int status, String type, byte[] body) {
        cases.add(new Case(
                name,
                status,
                () -> Api.authorized().contentType(type).body(body).post(Api.PAPERS)));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
