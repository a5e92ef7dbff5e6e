package io.paperstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop (SIGTERM, as in a Kubernetes rollout) of an enrich-service instance hands its resolver tasks (Kafka
 * Streams, group {@value #GROUP}) to the other instance within a rebalance, without waiting out the 6 s session
 * timeout. Two packaged instances run as processes against the local stack; the instance that holds the resolver's
 * active task is stopped and the time until the survivor alone holds every partition of the resolver is measured:
 * first with Kafka Streams' default (its consumer does not leave the group on close: the "before"), then with the
 * service's setting (it leaves). Both figures are printed.
 */
class ResolverHandoffIT {
    static final String GROUP = "paperstream-resolver";
    /** The resolver's one-partition repartition topic (ResolverTopology's "identity"), created by Kafka Streams. */
    static final TopicPartition REPARTITION = new TopicPartition(GROUP + "-identity-repartition", 0);

    static final int PARTITIONS = 6;
    /** The resolver's session timeout (application.properties): what a member that does not leave costs. */
    static final double SESSION_TIMEOUT_SECONDS = 6.0;

    @Test
    void aStoppedInstanceHandsTheResolverOverWithoutWaitingForTheSessionTimeout() throws Exception {
        try (Stack stack = new Stack().withPartitions(PARTITIONS)) {
            stack.startLocalStack();
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    10_000))) {
                Set<TopicPartition> all = new HashSet<>(List.of(REPARTITION));
                for (int p = 0; p < PARTITIONS; p++) {
                    all.add(new TopicPartition("papers.raw", p));
                }

                // before: the first instance runs with Kafka Streams' default (no LeaveGroup on close); it starts
                // alone, so it holds the resolver's active task when the second joins (which gets the standby)
                stack.startJob(
                        "enrich-old", "enrich-service", Map.of("PAPERSTREAM_RESOLVER_LEAVE_GROUP_ON_CLOSE", "false"));
                String old = awaitAlone(admin, all, null, stack, "enrich-old");
                stack.startServices(Set.of("enrich-service"));
                awaitTwoSettled(admin, old, stack);
                Handoff before = stopAndTime(stack, stack.pid("enrich-old"), admin, old, all);
                String survivor = before.survivor();

                // after: a new instance with the service's settings joins; the survivor (also the service's settings),
                // now holding the active task, is stopped
                stack.startJob("enrich-new", "enrich-service", Map.of());
                awaitTwoSettled(admin, survivor, stack);
                Handoff after = stopAndTime(stack, stack.pid("enrich-service"), admin, survivor, all);

                String report = String.format(
                        Locale.ROOT,
                        "resolver hand-over after SIGTERM (seconds until the other instance alone holds all %d partitions):%n"
                                + "  before (Kafka Streams' default, no LeaveGroup on close): %.2f (stopped instance exited after %.2f; it held the active task: %s)%n"
                                + "  after (internal.leave.group.on.close=true):              %.2f (stopped instance exited after %.2f; it held the active task: %s)%n",
                        all.size(),
                        before.seconds(),
                        before.exitedSeconds(),
                        before.heldActiveTask(),
                        after.seconds(),
                        after.exitedSeconds(),
                        after.heldActiveTask());
                System.out.print(report);

                assertThat(before.seconds())
                        .as("without LeaveGroup the group waits out the session timeout (otherwise this test measures"
                                + " nothing, or Kafka's behaviour changed)")
                        .isGreaterThan(SESSION_TIMEOUT_SECONDS - 1.5);
                assertThat(after.seconds())
                        .as("with LeaveGroup the tasks move within a rebalance, well before the session timeout")
                        .isLessThan(SESSION_TIMEOUT_SECONDS - 2.0)
                        .isLessThan(before.seconds());
            }
        }
    }

    record Handoff(double seconds, double exitedSeconds, boolean heldActiveTask, String survivor) {}

    /**
     * Sends SIGTERM to an instance (whose resolver member is {@code stoppedMember}) and measures the time until the group
     * is stable with one member, not that one, holding every partition.
     */
    private static Handoff stopAndTime(
            Stack stack, long pid, Admin admin, String stoppedMember, Set<TopicPartition> all) throws Exception {
        ConsumerGroupDescription group = describe(admin);
        boolean heldActive = group.members().stream()
                .anyMatch(m -> m.consumerId().equals(stoppedMember)
                        && m.assignment().topicPartitions().contains(REPARTITION));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        AtomicLong exitedAt = new AtomicLong();
        process.onExit().thenRun(() -> exitedAt.set(System.nanoTime()));
        long start = System.nanoTime();
        Stack.signal(pid, "TERM");
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            ConsumerGroupDescription now = describe(admin);
            if (now.groupState() == GroupState.STABLE && now.members().size() == 1) {
                MemberDescription member = now.members().iterator().next();
                if (!member.consumerId().equals(stoppedMember)
                        && member.assignment().topicPartitions().containsAll(all)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    process.onExit().get(60, TimeUnit.SECONDS);
                    Thread.sleep(50); // the onExit callback
                    return new Handoff(seconds, (exitedAt.get() - start) / 1e9, heldActive, member.consumerId());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the resolver was not handed over within 60 s; group: " + now + "; logs in " + stack.workDir);
            }
            Thread.sleep(25);
        }
    }

    /** Waits until the group is stable with one member holding every partition; returns that member's id. */
    private static String awaitAlone(Admin admin, Set<TopicPartition> all, String not, Stack stack, String instance)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription group = describeIfExists(admin);
            if (group != null
                    && group.groupState() == GroupState.STABLE
                    && group.members().size() == 1) {
                MemberDescription member = group.members().iterator().next();
                if (!member.consumerId().equals(not)
                        && member.assignment().topicPartitions().containsAll(all)) {
                    return member.consumerId();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance + "'s resolver did not take the whole group; see "
                + stack.workDir.resolve(Path.of(instance + ".log")));
    }

    /**
     * Waits until the group is stable with two members that both hold partitions, {@code first} among them, and stays
     * so for two seconds (no follow-up rebalance pending).
     */
    private static void awaitTwoSettled(Admin admin, String first, Stack stack) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        String settled = null;
        long since = 0;
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription group = describe(admin);
            String now = null;
            if (group.groupState() == GroupState.STABLE
                    && group.members().size() == 2
                    && group.members().stream().anyMatch(m -> m.consumerId().equals(first))
                    && group.members().stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                now = group.members().toString();
            }
            if (now == null || !now.equals(settled)) {
                settled = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(2)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second instance did not join the resolver's group; logs in " + stack.workDir);
    }

    private static ConsumerGroupDescription describe(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP))
                .all()
                .get(15, TimeUnit.SECONDS)
                .get(GROUP);
    }

    private static ConsumerGroupDescription describeIfExists(Admin admin) {
        try {
            return describe(admin);
        } catch (Exception e) {
            return null; // the coordinator not loaded yet
        }
    }
}
