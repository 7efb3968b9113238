package io.passerelle.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules every service checks (STYLE.md): features are packages directly under the service's root
 * package ({@code api} holds the code generated from api-specs/); the feature package itself is the domain (no Spring, JSON or transport), adapters live in its
 * sub-packages ({@code web}, {@code messaging}, {@code persistence}); features do not form cycles; every HTTP
 * endpoint names the roles it admits.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Classes in a feature package (exactly one level under the root) know no Spring, Jackson, AMQP or servlet. */
    public static ArchRule domainKnowsNoFrameworks(String rootPackage) {
        var domain = DescribedPredicate.<JavaClass>describe("in a feature's domain package",
                c -> c.getPackageName().startsWith(rootPackage + ".")
                        && c.getPackageName().substring(rootPackage.length() + 1).indexOf('.') < 0
                        && !c.getPackageName().equals(rootPackage + ".api"));
        return noClasses().that(domain)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml..", "com.rabbitmq..", "jakarta.servlet..", "io.passerelle.platform.outbox..",
                        "io.passerelle.platform.inbox..", "io.passerelle.platform.web..")
                .because("the domain owns ports; adapters in sub-packages implement them (STYLE.md 5)");
    }

    public static ArchRule featuresAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule everyEndpointChecksARole() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and().arePublic()
                .and().areNotStatic()
                .should().beAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class)
                .because("every endpoint is authorized by role (PRODUCT.md non-negotiables)");
    }

    public static void checkAll(JavaClasses classes, String rootPackage) {
        domainKnowsNoFrameworks(rootPackage).check(classes);
        featuresAreFreeOfCycles(rootPackage).check(classes);
        everyEndpointChecksARole().check(classes);
    }
}
