package io.paperstream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The dependency rules of docs/architecture.md, over a package root: {@code io.paperstream} for the real classes, a
 * fixture root for the broken examples that prove each rule can fail.
 */
final class ArchitectureRules {
    static final List<String> SERVICES = List.of("ingest", "enrich", "query");
    static final List<String> FRAMEWORKS = List.of(
            "io.quarkus..", "jakarta..", "io.smallrye..", "io.vertx..", "org.hibernate..", "org.apache.kafka..");

    private ArchitectureRules() {}

    /** Services talk through the topics only: no service imports another service's packages. */
    static ArchRule servicesAreIndependent(String root) {
        List<ArchRule> rules = SERVICES.stream()
                .map(service -> (ArchRule) noClasses()
                        .that()
                        .resideInAPackage(root + "." + service + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(SERVICES.stream()
                                .filter(other -> !other.equals(service))
                                .map(other -> root + "." + other + "..")
                                .toArray(String[]::new))
                        .because("services share only the event contract (paper-events) and the topics"))
                .toList();
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    /** The event contract depends on no service. */
    static ArchRule contractImportsNoService(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(servicePackages(root))
                .because("paper-events is the one source of truth every service depends on, never the reverse");
    }

    /** The shared HTTP problem code (module http-problem) depends on no service and not on the event contract. */
    static ArchRule sharedProblemImportsNoService(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".problem..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(servicePackagesAndContract(root))
                .because("http-problem is the one problem+json shape both APIs share; it knows no service");
    }

    /** Domain packages are plain Java: no Quarkus, Jakarta, SmallRye, Vert.x, Hibernate or Kafka. */
    static ArchRule domainIsPlainJava(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS.toArray(String[]::new))
                .because(
                        "pure logic is unit-tested in milliseconds and readable on its own; adapters implement its ports");
    }

    /** HTTP resources reach Kafka through a domain port, never a messaging class. */
    static ArchRule apiDoesNotUseMessaging(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "..messaging..")
                .because("the API publishes through the domain's ports (e.g. PaperSink), not the Kafka adapter");
    }

    /** Every rule, for the test that runs them all over one root. */
    /** The services' shared runtime plumbing (service-kit) knows no service and not the event contract. */
    static ArchRule serviceKitImportsNoServiceNorContract(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".kit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(servicePackagesAndContract(root))
                .because("service-kit is plumbing any service may use (progress watch, secret files, lz4); "
                        + "what knows papers belongs in paper-events or a service");
    }

    static List<ArchRule> all(String root) {
        return Arrays.asList(
                servicesAreIndependent(root),
                contractImportsNoService(root),
                sharedProblemImportsNoService(root),
                serviceKitImportsNoServiceNorContract(root),
                domainIsPlainJava(root),
                apiDoesNotUseMessaging(root));
    }

    private static String[] servicePackagesAndContract(String root) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(servicePackages(root)),
                        java.util.stream.Stream.of(root + ".events.."))
                .toArray(String[]::new);
    }

    private static String[] servicePackages(String root) {
        return SERVICES.stream().map(service -> root + "." + service + "..").toArray(String[]::new);
    }
}
