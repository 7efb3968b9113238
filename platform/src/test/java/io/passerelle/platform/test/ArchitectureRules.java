package io.passerelle.platform.test;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules every service checks (STYLE.md), one layout for all: features are packages directly under the
 * service's root package ({@code api} holds the code generated from api-specs/). A feature package is its domain
 * (aggregate, events, use cases), {@code <feature>.port} the interfaces the domain owns for what lies outside
 * (repositories, targets), {@code <feature>.adapter.<kind>} the adapters ({@code web}, {@code messaging},
 * {@code persistence}, ...), {@code <feature>.config} the wiring. The domain and its ports know no Spring, JSON or
 * transport; adapters do not depend on one another; features do not form cycles; every HTTP endpoint names the
 * roles it admits.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Classes in a feature package or its ports know no Spring, Jackson, AMQP or servlet. */
    public static ArchRule domainKnowsNoFrameworks(String rootPackage) {
        var domain = DescribedPredicate.<JavaClass>describe("in a feature's domain or port package",
                c -> Pattern.matches(Pattern.quote(rootPackage) + "\\.(?!api$)[a-z]+(\\.port)?", c.getPackageName()));
        return noClasses().that(domain)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml..", "com.rabbitmq..", "jakarta.servlet..", "io.passerelle.platform.outbox..",
                        "io.passerelle.platform.inbox..", "io.passerelle.platform.web..")
                .because("the domain owns ports; adapters in sub-packages implement them (STYLE.md 5)");
    }

    /** Below a feature there are only its ports, its adapters and its wiring. */
    public static ArchRule oneLayoutInEveryFeature(String rootPackage) {
        var layout = Pattern.quote(rootPackage) + "(\\.api(\\..*)?|\\.[a-z]+(\\.port|\\.adapter\\.[a-z]+|\\.config)?)?";
        return classes().should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("sit in <feature>, "
                + "<feature>.port, <feature>.adapter.<kind> or <feature>.config") {
            @Override
            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                if (!Pattern.matches(layout, item.getPackageName())) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item,
                            item.getName() + " is in " + item.getPackageName()));
                }
            }
        });
    }

    /** An adapter talks to the domain through its ports and use cases, never to another adapter. */
    public static ArchRule adaptersDoNotDependOnEachOther(String rootPackage) {
        return slices().matching(rootPackage + ".(*).adapter.(*)..").should().notDependOnEachOther()
                .because("adapters meet only in the domain (ports and adapters)");
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

    /**
     * Everything a service checks about itself: the house rules on its main classes, and its events against
     * api-specs/asyncapi.yaml ({@link AsyncApiContract}).
     */
    public static void checkService(String service, String rootPackage) {
        checkAll(new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage), rootPackage);
        AsyncApiContract.assertMatches(service, rootPackage);
    }

    public static void checkAll(JavaClasses classes, String rootPackage) {
        domainKnowsNoFrameworks(rootPackage).check(classes);
        oneLayoutInEveryFeature(rootPackage).check(classes);
        adaptersDoNotDependOnEachOther(rootPackage).check(classes);
        featuresAreFreeOfCycles(rootPackage).check(classes);
        everyEndpointChecksARole().check(classes);
    }
}
