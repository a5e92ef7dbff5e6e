package io.paperstream.query.api;

/** Example bodies shown in the OpenAPI document (and Swagger UI). */
final class Examples {
    private Examples() {}

    static final String PAPER = """
            {"id": "arxiv:2409.04828", "revision": 1726000000000000,
             "title": "POINTS: Improving Your Vision-language Model with Affordable Strategies",
             "abstract": "In recent years, vision-language models have made significant strides ...",
             "authors": ["Yuan Liu", "Zhongyin Zhao"], "arxivId": "2409.04828v2", "publishedOn": "2024-09-07",
             "tags": [{"name": "computer-vision", "score": 0.92, "arxivCategory": "cs.CV", "matched": ["vision-language"],
                       "origin": "taxonomy"}],
             "links": [{"url": "https://github.com/example/points/tree/main", "canonicalUrl": "https://github.com/example/points",
                        "kind": "code", "host": "github.com", "subject": "example/points", "origin": "text"}],
             "keyphrases": ["vision-language models", "visual instruction tuning"],
             "enrichment": {"version": "1.0.0", "taxonomyVersion": "2024-09", "enrichedAt": "2024-09-08T10:00:01Z"},
             "source": {"format": "digest", "name": "hf-daily"},
             "ingestedAt": "2024-09-08T10:00:00Z", "storedAt": "2024-09-08T10:00:02Z"}""";

    static final String PAGE = """
            {"items": [{"id": "arxiv:2409.04828",
                        "title": "POINTS: Improving Your Vision-language Model with Affordable Strategies",
                        "publishedOn": "2024-09-07",
                        "links": [{"url": "https://github.com/example/points/tree/main",
                                   "canonicalUrl": "https://github.com/example/points", "kind": "code",
                                   "host": "github.com", "subject": "example/points", "origin": "text"}],
                        "snippet": {"text": "In recent years, vision-language models have made significant strides …",
                                    "matches": [[17, 32], [33, 39]]}}],
             "nextCursor": "bmV3ZXN0HzIwMjQtMDktMDcfMB9hcnhpdjoyNDA5LjA0ODI4H2E0YjE.Qm9vZ3VzU2lnbmF0dXJl",
             "total": 137, "totalExact": true}""";

    static final String BAD_LIMIT = """
            {"type": "https://paperstream.io/problems/invalid-parameter", "title": "Invalid parameter", "status": 400,
             "detail": "invalid parameter 'limit': must be an integer from 1 to 200; got '500'",
             "instance": "/api/v1/papers",
             "errors": [{"field": "limit", "code": "out-of-range", "message": "must be an integer from 1 to 200; got '500'"}]}""";

    static final String OVERLOADED = """
            {"type": "https://paperstream.io/problems/overloaded", "title": "Service overloaded", "status": 503,
             "detail": "query-service runs as many searches at once as it takes: the search queue is full (16 waiting). Cheap requests (a paper by id, tags, listings without search text) are still served. Retry after 1 s.",
             "instance": "/api/v1/papers"}""";

    static final String FACETS = """
            {"total": 1523, "totalExact": true, "countsExact": true,
             "tags": [{"value": "computer-vision", "count": 611}, {"value": "large-language-models", "count": 402}],
             "linkKinds": [{"value": "code", "count": 655}, {"value": "model", "count": 210}],
             "hosts": [{"value": "github.com", "count": 640}, {"value": "huggingface.co", "count": 288}],
             "categories": [{"value": "cs.CV", "count": 702}, {"value": "cs.CL", "count": 455}],
             "years": [{"value": "2025", "count": 890}, {"value": "2024", "count": 633}]}""";

    static final String TAGS = """
            {"tags": [{"value": "computer-vision", "count": 611}, {"value": "large-language-models", "count": 402}]}""";
}
