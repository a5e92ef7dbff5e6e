package io.paperstream.query.web;

import io.paperstream.events.PaperJson;
import io.paperstream.query.api.PaperView;
import io.paperstream.query.api.PapersResource;
import io.paperstream.query.domain.Snippet;
import io.paperstream.query.store.PaperQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The search page's live results: the API's stream of stored papers with the page's filters, each paper rendered as
 * the page renders a result entry, so the script only has to put it at the top.
 */
@Path("/ui/live")
public class LiveResults {
    private final PapersResource papers;
    private final PaperQueries queries;

    public LiveResults(PapersResource papers, PaperQueries queries) {
        this.papers = papers;
        this.queries = queries;
    }

    /** New papers matching the filters, as {@code paper} events whose data is the HTML of a result entry. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> live(@Context UriInfo uri, @Context Sse sse) {
        SearchState state = SearchState.of(uri.getQueryParameters());
        Multi<PaperView> stored = papers.stream(uri, state.filters());
        // the words a snippet marks, as the list's: asked once, when the stream starts
        Uni<Set<String>> lexemes = state.hasQuery()
                ? queries.tsquery(state.q()).map(Snippet::lexemes)
                : Uni.createFrom().item(Set.of());
        Multi<OutboundSseEvent> papersStored = lexemes.onItem()
                .transformToMulti(words -> stored.map(view -> {
                    Snippet snippet = Snippet.of(view.abstractText(), words);
                    UiPaper paper = UiPaper.of(view)
                            .withSnippet(
                                    snippet == null
                                            ? null
                                            : PaperJson.mapper().convertValue(snippet, UiPaper.UiSnippet.class));
                    String html = WebPages.Templates.item(paper, true).render().replace('\n', ' ');
                    return sse.newEventBuilder()
                            .name("paper")
                            .id(paper.id())
                            .mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, html)
                            .build();
                }));
        // a comment at once (the browser learns the stream is open) and then now and then (proxies do not close a
        // quiet stream)
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(Duration.ofSeconds(20))
                .map(t -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(papersStored, keepAlive);
    }
}
