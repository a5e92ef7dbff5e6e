package io.paperstream.ingest.api;

/** Paths of the HTTP API. */
final class ApiPaths {
    static final String PAPERS = "/api/v1/papers";

    private ApiPaths() {}
}
