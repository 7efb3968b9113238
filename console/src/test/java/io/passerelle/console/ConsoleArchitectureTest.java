package io.passerelle.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console's shape: sections (approval, calendar, incident, …) stand on the shared parts (api, web, live,
 * security), which know no section; no cycles between packages.
 */
class ConsoleArchitectureTest {

    static final JavaClasses CONSOLE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.passerelle.console");
    static final String[] SHARED = {"io.passerelle.console", "io.passerelle.console.api..", "io.passerelle.console.web..",
            "io.passerelle.console.live..", "io.passerelle.console.security..", "java..", "javax..", "jakarta..",
            "org..", "tools.jackson..", "io.micrometer.."};

    @Test
    void no_cycles_between_packages() {
        slices().matching("io.passerelle.console.(*)..").should().beFreeOfCycles().check(CONSOLE);
    }

    @Test
    void the_shared_parts_know_no_section() {
        noClasses().that().resideInAnyPackage("io.passerelle.console.api..", "io.passerelle.console.web..",
                        "io.passerelle.console.live..", "io.passerelle.console.security..")
                .should().dependOnClassesThat().resideOutsideOfPackages(SHARED)
                .check(CONSOLE);
    }
}
