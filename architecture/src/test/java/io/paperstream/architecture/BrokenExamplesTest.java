package io.paperstream.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a deliberately broken fixture and passes on its well-behaved neighbours, so a rule that could no
 * longer fail (a typo in a package pattern, say) is noticed. Fixtures live under {@code fixtures.broken.*} (one
 * violation per rule) and {@code fixtures.good.*} (the same layout, no violation).
 */
class BrokenExamplesTest {
    private static final String FIXTURES = "io.paperstream.architecture.fixtures";
    private static final String BROKEN = FIXTURES + ".broken";
    private static final String GOOD = FIXTURES + ".good";
    private static final JavaClasses BROKEN_CLASSES = new ClassFileImporter().importPackages(BROKEN);
    private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);

    @Test
    void aServiceImportingAnotherServiceFails() {
        assertFailsWith(
                ArchitectureRules.servicesAreIndependent(BROKEN),
                BROKEN + ".ingest.api.ReadsQueryStore",
                BROKEN + ".query.store.PaperStore");
        assertPasses(ArchitectureRules.servicesAreIndependent(GOOD));
    }

    @Test
    void theContractImportingAServiceFails() {
        assertFailsWith(
                ArchitectureRules.contractImportsNoService(BROKEN),
                BROKEN + ".events.EventWithServiceType",
                BROKEN + ".enrich.domain.Tagger");
        assertPasses(ArchitectureRules.contractImportsNoService(GOOD));
    }

    @Test
    void theSharedProblemCodeImportingAServiceFails() {
        assertFailsWith(
                ArchitectureRules.sharedProblemImportsNoService(BROKEN),
                BROKEN + ".problem.ProblemOfAService",
                BROKEN + ".query.store.PaperStore");
        assertPasses(ArchitectureRules.sharedProblemImportsNoService(GOOD));
    }

    @Test
    void theServiceKitImportingTheContractFails() {
        assertFailsWith(
                ArchitectureRules.serviceKitImportsNoServiceNorContract(BROKEN),
                BROKEN + ".kit.ProgressOfPapers",
                BROKEN + ".events.EventWithServiceType");
        assertPasses(ArchitectureRules.serviceKitImportsNoServiceNorContract(GOOD));
    }

    @Test
    void aDomainClassUsingAFrameworkFails() {
        assertFailsWith(
                ArchitectureRules.domainIsPlainJava(BROKEN), BROKEN + ".enrich.domain.Tagger", "jakarta.inject.Inject");
        assertPasses(ArchitectureRules.domainIsPlainJava(GOOD));
    }

    @Test
    void anApiClassUsingMessagingFails() {
        assertFailsWith(
                ArchitectureRules.apiDoesNotUseMessaging(BROKEN),
                BROKEN + ".query.api.PublishesDirectly",
                BROKEN + ".query.messaging.KafkaSink");
        assertPasses(ArchitectureRules.apiDoesNotUseMessaging(GOOD));
    }

    private static void assertFailsWith(ArchRule rule, String... named) {
        EvaluationResult result = rule.evaluate(BROKEN_CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        String report = result.getFailureReport().toString();
        for (String name : named) {
            assertThat(report).contains(name);
        }
    }

    private static void assertPasses(ArchRule rule) {
        EvaluationResult result = rule.evaluate(GOOD_CLASSES);
        assertThat(result.hasViolation())
                .as(result.getFailureReport().toString())
                .isFalse();
    }
}
