package io.paperstream.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureRules} over the production classes of paper-events, http-problem and the three services. */
class ArchitectureTest {
    private static final String ROOT = "io.paperstream";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/paperstream/architecture/"))
                .importPackages(
                        ROOT + ".events",
                        ROOT + ".problem",
                        ROOT + ".kit",
                        ROOT + ".ingest",
                        ROOT + ".enrich",
                        ROOT + ".query");
    }

    @Test
    void importsTheFourModules() {
        // a rule over no classes proves nothing: each module's classes must really be here
        for (String pkg : new String[] {
            "events",
            "problem",
            "kit",
            "ingest.domain",
            "ingest.api",
            "enrich.domain",
            "enrich.messaging",
            "query.domain",
            "query.api",
            "query.messaging"
        }) {
            assertThat(classes.containPackage(ROOT + "." + pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void servicesAreIndependent() {
        ArchitectureRules.servicesAreIndependent(ROOT).check(classes);
    }

    @Test
    void contractImportsNoService() {
        ArchitectureRules.contractImportsNoService(ROOT).check(classes);
    }

    @Test
    void sharedProblemImportsNoService() {
        ArchitectureRules.sharedProblemImportsNoService(ROOT).check(classes);
    }

    @Test
    void serviceKitImportsNoServiceNorContract() {
        ArchitectureRules.serviceKitImportsNoServiceNorContract(ROOT).check(classes);
    }

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(ROOT).check(classes);
    }

    @Test
    void apiDoesNotUseMessaging() {
        ArchitectureRules.apiDoesNotUseMessaging(ROOT).check(classes);
    }
}
