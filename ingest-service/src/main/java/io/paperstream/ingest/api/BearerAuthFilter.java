package io.paperstream.ingest.api;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.BearerTokens;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemResponses;
import io.paperstream.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes (POST, DELETE, any method but GET, HEAD, OPTIONS) need {@code Authorization: Bearer <token>} with a
 * configured token; reads (health, metrics, OpenAPI, Swagger UI) stay open. Runs before the body is read and before routing, so a refused request
 * publishes nothing and costs nothing. Tokens are never logged.
 */
public class BearerAuthFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String REALM = "Bearer realm=\"paperstream-ingest\"";

    private final boolean enabled;
    private final AcceptedTokens tokens;

    public BearerAuthFilter(IngestConfig config, AcceptedTokens tokens) {
        this.enabled = config.auth().enabled();
        this.tokens = tokens;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        // Every non-read method needs a token, whatever the path: no path spelling can route around the check.
        if (!enabled || READS.contains(request.getMethod())) {
            return null;
        }
        String token = BearerTokens.tokenOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (tokens.tokens().accepts(token)) {
            return null;
        }
        String detail = token == null
                ? "This request needs an Authorization: Bearer <token> header."
                : "The bearer token is not valid.";
        String challenge = token == null ? REALM : REALM + ", error=\"invalid_token\"";
        return ProblemResponses.response(
                Problem.of(ProblemType.UNAUTHORIZED)
                        .detail(detail)
                        .instance(request.getUriInfo().getPath())
                        .build(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
