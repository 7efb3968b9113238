package io.passerelle.releaseservice;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.passerelle.platform.test.ArchitectureRules;
import io.passerelle.platform.test.AsyncApiContract;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final String ROOT = "io.passerelle.releaseservice";

    @Test
    void follows_the_house_rules() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        ArchitectureRules.checkAll(classes, ROOT);
    }

    @Test
    void publishes_and_handles_what_the_asyncapi_document_says() {
        AsyncApiContract.assertMatches("release-service", ROOT);
    }
}
