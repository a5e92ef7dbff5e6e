package io.paperstream.query.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The pages' own style sheet and script, read once from the class path. Pages name them with a content hash
 * ({@code /ui/app.css?v=…}): that URL never changes its content, so it is cached for a year ({@code immutable});
 * gzip-compressed when the browser accepts it.
 */
@Path("/ui")
public class Assets {
    private record Asset(String type, byte[] plain, byte[] gzip, String etag) {}

    private static final Map<String, Asset> ASSETS = Map.of(
            "app.css", load("web/app.css", "text/css; charset=utf-8"),
            "app.js", load("web/app.js", "text/javascript; charset=utf-8"));
    /** The hash of all assets together: the {@code v} parameter of their URLs. */
    static final String VERSION = hash(String.join(
                            ",",
                            ASSETS.values().stream().map(Asset::etag).sorted().toList())
                    .getBytes(StandardCharsets.UTF_8))
            .substring(0, 12);

    @GET
    @Path("/{name: app\\.(css|js)}")
    public Response asset(
            @PathParam("name") String name,
            @QueryParam("v") String version,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new NotFoundException("no asset " + name);
        }
        String cache =
                VERSION.equals(version) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate";
        if (asset.etag().equals(ifNoneMatch)) {
            return Response.notModified()
                    .header(HttpHeaders.CACHE_CONTROL, cache)
                    .header(HttpHeaders.ETAG, asset.etag())
                    .build();
        }
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        return Response.ok(gzip ? asset.gzip() : asset.plain())
                .type(asset.type())
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : null)
                .build();
    }

    private static Asset load(String resource, String type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(plain);
            }
            return new Asset(
                    type, plain, zipped.toByteArray(), "\"" + hash(plain).substring(0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
