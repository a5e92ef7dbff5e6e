package io.paperstream.enrich.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.enrich.domain.identity.IdentityStore;
import io.paperstream.enrich.domain.identity.PaperCluster;
import io.paperstream.events.PaperJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/** The resolver's state in three Kafka Streams key-value stores (RocksDB, each with a compacted changelog topic). */
final class StreamsIdentityStore implements IdentityStore {
    static final String IDS = "identity-ids";
    static final String TITLES = "identity-titles";
    static final String PAPERS = "identity-papers";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper json = PaperJson.mapper();
    private final KeyValueStore<String, byte[]> ids;
    private final KeyValueStore<String, byte[]> titles;
    private final KeyValueStore<String, byte[]> papers;

    StreamsIdentityStore(
            KeyValueStore<String, byte[]> ids,
            KeyValueStore<String, byte[]> titles,
            KeyValueStore<String, byte[]> papers) {
        this.ids = ids;
        this.titles = titles;
        this.papers = papers;
    }

    @Override
    public IdRef id(String id) {
        return read(ids.get(id), IdRef.class);
    }

    @Override
    public void putId(String id, IdRef ref) {
        ids.put(id, write(ref));
    }

    @Override
    public void removeId(String id) {
        ids.delete(id);
    }

    @Override
    public List<String> titleHolders(String titleId) {
        byte[] bytes = titles.get(titleId);
        if (bytes == null) {
            return List.of();
        }
        try {
            return json.readValue(bytes, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putTitleHolders(String titleId, List<String> canonicalIds) {
        if (canonicalIds.isEmpty()) {
            titles.delete(titleId);
        } else {
            titles.put(titleId, write(canonicalIds));
        }
    }

    @Override
    public PaperCluster cluster(String canonical) {
        return read(papers.get(canonical), PaperCluster.class);
    }

    @Override
    public void putCluster(PaperCluster cluster) {
        papers.put(cluster.id(), write(cluster));
    }

    @Override
    public void removeCluster(String canonical) {
        papers.delete(canonical);
    }

    private <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
