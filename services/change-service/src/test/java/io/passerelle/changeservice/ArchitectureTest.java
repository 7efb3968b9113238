package io.passerelle.changeservice;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.passerelle.platform.test.ArchitectureRules;
import io.passerelle.platform.test.AsyncApiContract;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String ROOT = "io.passerelle.changeservice";

    @Test
    void follows_the_house_rules() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        ArchitectureRules.checkAll(classes, ROOT);
    }

    @Test
    void publishes_and_consumes_what_the_asyncapi_document_says() {
        AsyncApiContract.assertMatches("change-service", ROOT);
    }
}
