package io.paperstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the running system while papers stream through it: the local stack (a real Kafka broker and a
 * real, durable PostgreSQL, each its own process) and the packaged services as processes — two instances each of
 * enrich-service and query-service on topics of 6 partitions (-Dfaults.replicas=1 for one). Each scenario streams its
 * own papers (-Dfaults.papers, default 10,000) and injects its fault mid-stream: {@code kill -9} of enrich-service and
 * of query-service (twice each, a replacement started at once, as Kubernetes would), PostgreSQL's postmaster killed
 * ({@code kill -9}, three times) and frozen (SIGSTOP) for 30 s, the broker killed and restarted, ingest-service killed
 * in the middle of a request (the client sees every unacknowledged batch fail and sends it again).
 *
 * <p>Each ends with exactly the papers sent, each once, with the contents sent (and links found by enrichment), as the
 * query API lists them, and both dead-letter topics empty. Time-to-recover per fault is printed (and written to
 * {@code target/faults-report.txt}): from the fault (for the freeze: from SIGCONT) until every partition with records
 * waiting has had its committed offset move past where it stood at the fault, i.e. the consumer group works on all of
 * them again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final int PAPERS = Integer.getInteger("faults.papers", 10_000);
    static final int REPLICAS = Integer.getInteger("faults.replicas", 2);
    static final int PARTITIONS = 6;
    static final String ENRICH_GROUP = "paperstream-enrich";
    static final String QUERY_GROUP = "paperstream-query";
    /** The identity resolver inside enrich-service (Kafka Streams; its application id is its group). */
    static final String RESOLVER_GROUP = "paperstream-resolver";
    /** A replacement must resume a killed instance's partitions within 15 s; a loaded CI machine gets some slack. */
    static final Duration RESUME_LIMIT = Duration.ofSeconds(Long.getLong("faults.resume-limit-seconds", 60));

    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;
    static Admin admin;
    static HttpClient http;
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack().withPartitions(PARTITIONS).start();
        for (int i = 2; i <= REPLICAS; i++) {
            stack.startInstance("enrich-service-" + i, "enrich-service");
            stack.startInstance("query-service-" + i, "query-service");
        }
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        report.add(String.format(
                Locale.ROOT,
                "faults: at least %,d papers per scenario (sent until its faults are over), "
                        + "%d partitions, %d instance(s) each of enrich-service and query-service, load average %s",
                PAPERS,
                PARTITIONS,
                REPLICAS,
                loadAverage()));
    }

    @AfterAll
    static void stop() throws IOException {
        String text = String.join("\n", report);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "faults-report.txt"), text + "\n");
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (stack != null) {
            stack.close();
        }
    }

    interface Fault {
        /** Injects the fault (the stream is about a third sent) and answers what happened, with times to recover. */
        List<String> inject(PaperStream stream) throws Exception;
    }

    @Test
    @Order(1)
    void noFault() throws Exception {
        scenario("no-fault", 1, stream -> List.of());
    }

    @Test
    @Order(2)
    void enrichServiceKilledTwice() throws Exception {
        scenario(
                "kill-enrich",
                2,
                stream -> List.of(
                        killAndReplace("enrich-service", ENRICH_GROUP, stream),
                        killAndReplace(REPLICAS > 1 ? "enrich-service-2" : "enrich-service", ENRICH_GROUP, stream)));
    }

    @Test
    @Order(3)
    void queryServiceKilledTwice() throws Exception {
        scenario(
                "kill-query",
                3,
                stream -> List.of(
                        killAndReplace("query-service", QUERY_GROUP, stream),
                        killAndReplace(REPLICAS > 1 ? "query-service-2" : "query-service", QUERY_GROUP, stream)));
    }

    @Test
    @Order(4)
    void postgresCrashedThreeTimes() throws Exception {
        scenario("kill-postgres", 4, stream -> {
            List<String> outcomes = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Map<TopicPartition, Long> before = committed(QUERY_GROUP);
                long pid = stack.postgresPid();
                long at = System.nanoTime();
                Stack.signal(pid, "KILL");
                Duration resumed = awaitResumed(QUERY_GROUP, before, at, stream);
                outcomes.add(String.format(
                        Locale.ROOT,
                        "kill -9 of the postmaster #%d: store resumed on all partitions in %.1f s",
                        i,
                        seconds(resumed)));
            }
            return outcomes;
        });
    }

    @Test
    @Order(5)
    void postgresFrozenFor30Seconds() throws Exception {
        scenario("freeze-postgres", 5, stream -> {
            long pid = stack.postgresPid();
            Stack.signalTree(pid, "STOP");
            String reads;
            long cont;
            Map<TopicPartition, Long> before;
            try {
                Thread.sleep(2000);
                reads = readWhileAway();
                Thread.sleep(28_000);
                before = committed(QUERY_GROUP);
            } finally {
                Stack.signalTree(pid, "CONT");
                cont = System.nanoTime();
            }
            Duration resumed = awaitResumed(QUERY_GROUP, before, cont, stream);
            return List.of(
                    reads,
                    String.format(
                            Locale.ROOT,
                            "SIGSTOP of the postmaster for 30 s: store resumed on all partitions %.1f s after SIGCONT",
                            seconds(resumed)));
        });
    }

    @Test
    @Order(6)
    void brokerKilledAndRestarted() throws Exception {
        scenario("restart-broker", 6, stream -> {
            Map<TopicPartition, Long> enrichBefore = committed(ENRICH_GROUP);
            Map<TopicPartition, Long> queryBefore = committed(QUERY_GROUP);
            long pid = stack.kafkaPid();
            int sentBefore = stream.sentPapers.get();
            long at = System.nanoTime();
            Stack.signal(pid, "KILL");
            await(
                    () -> {
                        try {
                            return stack.kafkaPid() != pid;
                        } catch (IOException e) {
                            return false;
                        }
                    },
                    Duration.ofSeconds(120),
                    "the local stack restarts the broker");
            Duration back = Duration.ofNanos(System.nanoTime() - at);
            Duration enrich = awaitResumed(ENRICH_GROUP, enrichBefore, at, stream);
            Duration query = awaitResumed(QUERY_GROUP, queryBefore, at, stream);
            await(() -> stream.sentPapers.get() > sentBefore, Duration.ofSeconds(180), "ingest accepts papers again");
            // ingest's 503 comes within its publish timeout (15 s), as its message says
            assertThat(stream.longestFailure.get())
                    .as("longest time to a 503")
                    .isLessThan(TimeUnit.SECONDS.toNanos(15 + Long.getLong("faults.http-slack-seconds", 3)));
            return List.of(String.format(
                    Locale.ROOT,
                    "kill -9 of the broker: new broker process up after %.1f s; "
                            + "enrich resumed on all partitions %.1f s after the kill, store %.1f s",
                    seconds(back),
                    seconds(enrich),
                    seconds(query)));
        });
    }

    @Test
    @Order(7)
    void ingestServiceKilledMidRequest() throws Exception {
        int[] failedBefore = new int[1];
        PaperStream stream = scenario("kill-ingest", 7, s -> {
            await(s.inFlight::get, Duration.ofSeconds(60), "a request in flight");
            failedBefore[0] = s.failedRequests.get();
            int sentBefore = s.sentPapers.get();
            long at = System.nanoTime();
            stack.kill("ingest-service");
            stack.replace("ingest-service");
            Duration ready = Duration.ofNanos(System.nanoTime() - at);
            await(() -> s.sentPapers.get() > sentBefore, Duration.ofSeconds(60), "a batch accepted by the replacement");
            Duration accepted = Duration.ofNanos(System.nanoTime() - at);
            return List.of(String.format(
                    Locale.ROOT,
                    "kill -9 of ingest-service mid-request: replacement ready after "
                            + "%.1f s, first batch accepted again after %.1f s",
                    seconds(ready),
                    seconds(accepted)));
        });
        assertThat(stream.failedRequests.get())
                .as("the client saw the unacknowledged batch fail")
                .isGreaterThan(failedBefore[0]);
    }

    // --- the scenario --------------------------------------------------------------------------------------------

    private PaperStream scenario(String name, int month, Fault fault) throws Exception {
        PaperStream stream = new PaperStream(name, month, PAPERS, 500);
        long start = System.nanoTime();
        // paced so that the stream lasts a while (about 1,250 papers/s) and the fault lands in the middle of it
        Thread sender = stream.start(stack, http, 400);
        await(() -> stream.sentPapers.get() >= PAPERS * 3 / 10, Duration.ofSeconds(300), "a third of the papers sent");
        int lines = report.size();
        List<String> outcomes = fault.inject(stream);
        stream.finish();
        sender.join(TimeUnit.MINUTES.toMillis(5));
        assertThat(sender.isAlive()).as("all batches accepted").isFalse();
        assertThat(stream.error).as("the sender's failure").isNull();
        double sent = seconds(Duration.ofNanos(System.nanoTime() - start));
        int papers = stream.size();
        awaitStored(stream, papers, Duration.ofMinutes(4));
        double stored = seconds(Duration.ofNanos(System.nanoTime() - start));
        verifyExactly(stream);
        assertDeadLetterTopicsEmpty();
        report.add(String.format(
                Locale.ROOT,
                "%-16s %,d papers: all accepted %.1f s and all stored %.1f s after the first "
                        + "send; exactly once, contents equal, DLQs empty; requests failed and re-sent: %d",
                name,
                papers,
                sent,
                stored,
                stream.failedRequests.get()));
        outcomes.forEach(o -> report.add("                 " + o));
        if (stream.failedRequests.get() > 0) {
            report.add(String.format(
                    Locale.ROOT,
                    "                 longest answered failure: %.1f s; first failures seen by the " + "client: %s",
                    stream.longestFailure.get() / 1e9,
                    stream.failures()));
        }
        System.out.println(String.join("\n", report.subList(lines, report.size())));
        return stream;
    }

    /** Kills an instance, starts its replacement at once and measures until its partitions are worked on again. */
    private String killAndReplace(String instance, String group, PaperStream stream) throws Exception {
        Map<TopicPartition, Long> endsAtFault = endOffsets(atFault(group).keySet());
        int members = stableMembers(group);
        int resolverMembers = group.equals(ENRICH_GROUP) ? stableMembers(RESOLVER_GROUP) : 0;
        long at = System.nanoTime();
        stack.kill(instance);
        // read once the instance is gone: a commit it made between a read and the kill would count as a resumption
        Map<TopicPartition, Long> before = atFault(group);
        Map<TopicPartition, Long> resolverBefore = group.equals(ENRICH_GROUP) ? atFault(RESOLVER_GROUP) : null;
        long[] readyAt = new long[1];
        Thread replacement = new Thread(
                () -> {
                    try {
                        stack.replace(instance);
                        readyAt[0] = System.nanoTime();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "replace-" + instance);
        replacement.start();
        Duration consumer = awaitResumed(group, before, at, stream);
        Duration resumed = consumer;
        String groups = "the store's group";
        if (group.equals(QUERY_GROUP)) {
            // what a paper sent at the kill waits for: every record on the topic at the kill committed (stored)
            groups = String.format(
                    Locale.ROOT,
                    "the store's group; everything on its topic at the kill stored after %.1f s",
                    seconds(awaitCaughtUp(group, endsAtFault, at)));
        }
        if (resolverBefore != null && !resolverBefore.isEmpty()) {
            Duration resolver = awaitResumed(RESOLVER_GROUP, resolverBefore, at, stream);
            resumed = resolver.compareTo(resumed) > 0 ? resolver : resumed;
            groups = String.format(
                    Locale.ROOT,
                    "the resolver's group %.1f s, the enricher's %.1f s",
                    seconds(resolver),
                    seconds(consumer));
        }
        replacement.join(TimeUnit.MINUTES.toMillis(3));
        Duration ready = Duration.ofNanos((readyAt[0] != 0 ? readyAt[0] : System.nanoTime()) - at);
        // the next fault comes once the group is whole again (the replacement holds partitions), so that each kill is
        // measured from a steady state; without this the second kill's survivor was the replacement, seconds old and
        // still joining: two faults at once (what that cost is in faults/README.md)
        Duration whole = awaitWhole(group, members, at);
        if (whole != null && resolverMembers > 0) {
            // asked after the first group is whole: the later of the two, as both count from the kill
            whole = awaitWhole(RESOLVER_GROUP, resolverMembers, at);
        }
        assertThat(resumed).as("%s's partitions resumed", instance).isLessThanOrEqualTo(RESUME_LIMIT);
        return String.format(
                Locale.ROOT,
                "kill -9 of %s: all partitions worked on again after %.1f s (%s; "
                        + "replacement ready after %.1f s, holding partitions after %s)",
                instance,
                seconds(resumed),
                groups,
                seconds(ready),
                whole == null ? "more than a minute" : String.format(Locale.ROOT, "%.1f s", seconds(whole)));
    }

    /** Reads while PostgreSQL is frozen: how fast and with what the query API answers. */
    private String readWhileAway() throws Exception {
        long t = System.nanoTime();
        int status;
        try {
            status = http.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                            + stack.port("query-service") + "/api/v1/papers/arxiv:2601.00001"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            status = -1; // no answer within 10 s
        }
        return String.format(
                Locale.ROOT,
                "a read while PostgreSQL is frozen: HTTP %d after %.1f s",
                status,
                seconds(Duration.ofNanos(System.nanoTime() - t)));
    }

    // --- progress of the consumer groups -------------------------------------------------------------------------

    private static Map<TopicPartition, Long> committed(String group) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
                Map<TopicPartition, Long> result = new HashMap<>();
                offsets.forEach((tp, om) -> {
                    if (om != null) {
                        result.put(tp, om.offset());
                    }
                });
                return result;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("cannot read the offsets of " + group, e);
                }
                sleep(200);
            }
        }
    }

    /**
     * The group's committed offsets at a fault, and -1 for a partition it holds (a member's assignment) that has no
     * committed offset yet: such a partition is waited for too once it has records.
     */
    private static Map<TopicPartition, Long> atFault(String group) throws Exception {
        Map<TopicPartition, Long> offsets = committed(group);
        admin.describeConsumerGroups(List.of(group))
                .all()
                .get(5, TimeUnit.SECONDS)
                .get(group)
                .members()
                .forEach(m -> m.assignment().topicPartitions().forEach(tp -> offsets.putIfAbsent(tp, -1L)));
        return offsets;
    }

    /** How many of the group's members hold partitions while it is stable; -1 while it rebalances. */
    private static int membersHoldingPartitions(String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                .all()
                .get(5, TimeUnit.SECONDS)
                .get(group);
        if (description.groupState() != GroupState.STABLE) {
            return -1;
        }
        return (int) description.members().stream()
                .filter(m -> !m.assignment().topicPartitions().isEmpty())
                .count();
    }

    /** The members holding partitions once the group is stable (waits up to 30 s for a rebalance to end). */
    private static int stableMembers(String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int members = membersHoldingPartitions(group);
        while (members < 0 && System.nanoTime() < deadline) {
            sleep(200);
            members = membersHoldingPartitions(group);
        }
        return members;
    }

    /**
     * Waits (at most a minute) until the group is stable with at least as many members holding partitions as before
     * the fault; answers the time since {@code since}, or null when it did not happen within the minute.
     */
    private static Duration awaitWhole(String group, int members, long since) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try {
                if (membersHoldingPartitions(group) >= members) {
                    return Duration.ofNanos(System.nanoTime() - since);
                }
            } catch (Exception e) {
                // the broker may be busy: ask again
            }
            sleep(200);
        }
        return null;
    }

    /** Waits until the group has committed at least {@code ends} on every partition; answers the time since. */
    private static Duration awaitCaughtUp(String group, Map<TopicPartition, Long> ends, long since) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> now = committed(group);
            if (ends.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            sleep(200);
        }
        throw new AssertionError(group + " did not catch up within 3 minutes");
    }

    private static Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(specs).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Waits until the group has moved the committed offset of every partition that has records beyond where it stood
     * before the fault; answers the time since {@code since}.
     */
    private static Duration awaitResumed(
            String group, Map<TopicPartition, Long> before, long since, PaperStream stream) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long idleSince = -1;
        // when each partition first moved, for the report of a slow recovery
        Map<TopicPartition, Long> movedAt =
                new TreeMap<>(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, Long> now = committed(group);
                Map<TopicPartition, Long> ends = endOffsets(before.keySet());
                boolean waiting = false;
                boolean allMoved = true;
                for (Map.Entry<TopicPartition, Long> e : before.entrySet()) {
                    // -1: no committed offset at the fault (atFault); it has records waiting once it has any
                    if (ends.getOrDefault(e.getKey(), 0L) > Math.max(e.getValue(), 0L)) {
                        waiting = true;
                        // a partition still without a committed offset has not moved (-1, not 0: 0 > -1)
                        boolean moved = now.getOrDefault(e.getKey(), -1L) > e.getValue();
                        if (moved) {
                            movedAt.putIfAbsent(e.getKey(), System.nanoTime());
                        }
                        allMoved &= moved;
                    }
                }
                if (waiting && allMoved) {
                    Duration took = Duration.ofNanos(System.nanoTime() - since);
                    if (took.compareTo(Duration.ofSeconds(12)) > 0) {
                        StringBuilder line = new StringBuilder("slow recovery of " + group + ", partitions moved at:");
                        movedAt.forEach((tp, t) -> line.append(String.format(
                                Locale.ROOT, " %s-%d %.1f s", tp.topic(), tp.partition(), (t - since) / 1e9)));
                        System.out.println(line);
                    }
                    return took;
                }
                // records keep arriving on every partition while the stream runs, so something waits; only a stream
                // that reached its cap on a slow machine can leave nothing to resume
                if (!waiting && stream != null && stream.capped.get()) {
                    return Duration.ZERO;
                }
                // nothing waiting for this group for 10 s (its input is fed by a stage that is itself recovering,
                // e.g. the resolver): it is not held up; answer when records arrive and move, or now
                if (!waiting) {
                    idleSince = idleSince < 0 ? System.nanoTime() : idleSince;
                    if (System.nanoTime() - idleSince > TimeUnit.SECONDS.toNanos(10)) {
                        return Duration.ofNanos(idleSince - since);
                    }
                } else {
                    idleSince = -1;
                }

            } catch (Exception e) {
                // the broker may be away: try again
            }
            sleep(200);
        }
        throw new AssertionError(group + " did not resume within 3 minutes");
    }

    // --- the end state ---------------------------------------------------------------------------------------------

    private static void awaitStored(PaperStream stream, int papers, Duration timeout) throws Exception {
        Map<String, String> env = stack.readStackEnv();
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = -1;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(
                            env.get("POSTGRES_JDBC_URL"), env.get("POSTGRES_USER"), env.get("POSTGRES_PASSWORD"));
                    PreparedStatement s =
                            c.prepareStatement("SELECT count(*) FROM paper WHERE published_on = CAST(? AS date)")) {
                s.setString(1, stream.date);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= papers) {
                    return;
                }
            } catch (Exception e) {
                // the database may be restarting
            }
            sleep(500);
        }
        throw new AssertionError(stream.name + ": " + count + " of " + papers + " papers stored after " + timeout);
    }

    /** Walks the query API's pages of the scenario's date: every paper exactly once, as sent. */
    private static void verifyExactly(PaperStream stream) throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        String cursor = null;
        do {
            String query = "/api/v1/papers?from=" + stream.date + "&to=" + stream.date + "&limit=200"
                    + "&fields=title,abstract,authors,publishedOn,links"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = stack.get(stack.port("query-service"), query);
            for (int retry = 0; page.statusCode() == 503 && retry < 10; retry++) {
                sleep(1000); // as a client honours Retry-After (a read slower than the read timeout on a loaded
                // machine)
                page = stack.get(stack.port("query-service"), query);
            }
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            for (JsonNode item : body.get("items")) {
                ids.add(item.get("id").asText());
                byId.put(item.get("id").asText(), item);
            }
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(ids).as(stream.name + ": papers listed").hasSize(stream.size());
        assertThat(new HashSet<>(ids)).as(stream.name + ": none twice").hasSize(stream.size());
        for (PaperStream.Paper sent : stream.papers) {
            JsonNode got = byId.get(sent.id());
            assertThat(got).as(sent.id()).isNotNull();
            assertThat(got.get("title").asText()).as(sent.id()).isEqualTo(sent.title());
            assertThat(got.get("abstract").asText()).as(sent.id()).isEqualTo(sent.abstractText());
            assertThat(texts(got.get("authors"))).as(sent.id()).isEqualTo(sent.authors());
            assertThat(got.get("publishedOn").asText()).as(sent.id()).isEqualTo(sent.publishedOn());
            assertThat(got.has("links") && got.get("links").size() > 0)
                    .as(sent.id() + " has its code link")
                    .isEqualTo(sent.hasCode());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void assertDeadLetterTopicsEmpty() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(List.of("papers.raw.dlq", "papers.enriched.dlq"))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>();
        topics.values()
                .forEach(t -> t.partitions().forEach(p -> partitions.add(new TopicPartition(t.name(), p.partition()))));
        assertThat(endOffsets(partitions).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("dead-lettered records")
                .isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            sleep(50);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
