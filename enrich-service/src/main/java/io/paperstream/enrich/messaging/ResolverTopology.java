package io.paperstream.enrich.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperstream.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Identity resolution as a Kafka Streams topology: {@code papers.raw} → one-partition repartition topic → the resolver
 * with its three state stores → {@code papers.resolved}, {@code papers.aliases} (and {@code papers.raw.dlq}).
 *
 * <p>One partition serializes every identity decision, so two sources sending the same new paper at once, on different
 * partitions and replicas, still make one paper; the state survives restarts and moves between replicas through the
 * stores' changelog topics (standby replicas keep warm copies). The price is that resolution runs on one thread of one
 * instance at a time; it does only key-value reads and writes per record (see the README for the figures).
 */
@ApplicationScoped
public class ResolverTopology {
    static final String REPARTITION = "identity";

    @Produces
    public Topology topology(MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        for (String store :
                new String[] {StreamsIdentityStore.IDS, StreamsIdentityStore.TITLES, StreamsIdentityStore.PAPERS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                    .withCachingEnabled());
        }
        builder.stream(
                        Topics.RAW,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("papers-raw"))
                // keep records without a key (they are dead-lettered with a reason, not dropped by the repartition)
                .selectKey((key, value) -> key == null ? "" : key, Named.as("keep-keyless"))
                .repartition(Repartitioned.<String, byte[]>with(Serdes.String(), Serdes.ByteArray())
                        .withName(REPARTITION)
                        .withNumberOfPartitions(1))
                .process(
                        () -> new ResolverProcessor(registry),
                        Named.as("resolve"),
                        StreamsIdentityStore.IDS,
                        StreamsIdentityStore.TITLES,
                        StreamsIdentityStore.PAPERS)
                .to(
                        (key, value, context) -> value.topic(),
                        Produced.with(Serdes.String(), Routed.SERDE).withName("out"));
        return builder.build();
    }
}
