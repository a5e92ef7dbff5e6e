package io.paperstream.enrich.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.enrich.domain.identity.Change;
import io.paperstream.enrich.domain.identity.IdentityResolver;
import io.paperstream.events.CloudEvents;
import io.paperstream.events.DeadLetters;
import io.paperstream.events.PaperJson;
import io.paperstream.events.Topics;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Resolves each {@code papers.raw} record (all of them arrive on one partition, so in one task, one at a time) and
 * publishes what changed: merged papers and tombstones to {@code papers.resolved}, aliases to {@code papers.aliases}.
 * A record that is not a valid paper (no key, not UTF-8 or JSON, a schema violation, a key other than its id) goes to
 * {@code papers.raw.dlq} with its original bytes and the reason, as enrich-service's consumer did before.
 */
final class ResolverProcessor implements Processor<String, byte[], String, Routed> {
    static final String CE_SOURCE = "/paperstream/enrich-service/resolver";

    private final MeterRegistry registry;
    private ProcessorContext<String, Routed> context;
    private IdentityResolver resolver;

    ResolverProcessor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        KeyValueStore<String, byte[]> ids = context.getStateStore(StreamsIdentityStore.IDS);
        KeyValueStore<String, byte[]> titles = context.getStateStore(StreamsIdentityStore.TITLES);
        KeyValueStore<String, byte[]> papers = context.getStateStore(StreamsIdentityStore.PAPERS);
        this.resolver = new IdentityResolver(new StreamsIdentityStore(ids, titles, papers));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        List<Change> changes;
        try {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("record has no key; papers.raw records are keyed by paper id");
            }
            changes = record.value() == null
                    ? resolver.delete(key)
                    : resolver.apply(RawPaperProcessor.parse(key, record.value()));
        } catch (IllegalArgumentException e) {
            deadLetter(record, e.getMessage(), e);
            return;
        } catch (RuntimeException e) {
            Log.errorf(e, "resolving papers.raw record %s failed", key);
            deadLetter(record, "identity resolution failed: " + e, e);
            return;
        }
        count(
                record.value() == null
                        ? "tombstone"
                        : changes.stream().anyMatch(c -> c instanceof Change.Removed) ? "merged" : "resolved");
        Instant now = Instant.now();
        for (Change change : changes) {
            if (change instanceof Change.Upsert upsert) {
                String id = upsert.paper().id();
                forward(record, id, new Routed(Topics.RESOLVED, json(upsert.paper())), Topics.RESOLVED_TYPE, now);
            } else if (change instanceof Change.Removed removed) {
                forward(record, removed.id(), new Routed(Topics.RESOLVED, null), Topics.RESOLVED_TYPE, now);
            } else if (change instanceof Change.AliasSet alias) {
                byte[] value = json(Map.of("alias", alias.alias(), "canonical", alias.canonical()));
                forward(record, alias.alias(), new Routed(Topics.ALIASES, value), Topics.ALIAS_TYPE, now);
            } else if (change instanceof Change.AliasRemoved alias) {
                forward(record, alias.alias(), new Routed(Topics.ALIASES, null), Topics.ALIAS_TYPE, now);
            }
        }
    }

    private void forward(Record<String, byte[]> in, String key, Routed value, String type, Instant now) {
        Headers headers = new RecordHeaders();
        for (Header h : in.headers()) {
            // the input's own trace context and the like go along; its event identity does not
            if (!h.key().startsWith("ce_") && !h.key().equals(CloudEvents.CONTENT_TYPE)) {
                headers.add(h);
            }
        }
        // tombstones too: a reader filtering on ce_type or ce_subject sees the deletes
        CloudEvents.headers(type, CE_SOURCE, key, now).forEach(headers::add);
        context.forward(new Record<>(key, value, in.timestamp(), headers));
    }

    private void deadLetter(Record<String, byte[]> in, String reason, Exception cause) {
        Log.warnf("dead-lettering a papers.raw record: %s", reason);
        count("dead-lettered");
        Headers headers = new RecordHeaders(in.headers().toArray());
        // the resolver reads papers.raw through its repartition topic: a position there would not find the original
        boolean fromRaw =
                context.recordMetadata().map(m -> Topics.RAW.equals(m.topic())).orElse(false);
        int partition = fromRaw ? context.recordMetadata().get().partition() : -1;
        long offset = fromRaw ? context.recordMetadata().get().offset() : -1L;
        DeadLetters.headers(reason, cause, Topics.RAW, partition, offset).forEach(headers::add);
        String key = in.key() == null || in.key().isEmpty() ? null : in.key();
        context.forward(new Record<>(key, new Routed(Topics.RAW_DLQ, in.value()), in.timestamp(), headers));
    }

    private void count(String outcome) {
        registry.counter("paperstream.identity.records", "outcome", outcome).increment();
    }

    private static byte[] json(Object value) {
        try {
            return PaperJson.mapper().writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
