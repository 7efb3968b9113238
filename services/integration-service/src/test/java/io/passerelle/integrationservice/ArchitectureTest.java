package io.passerelle.integrationservice;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.passerelle.platform.test.ArchitectureRules;
import io.passerelle.platform.test.AsyncApiContract;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void follows_the_house_rules() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.passerelle.integrationservice");
        ArchitectureRules.checkAll(classes, "io.passerelle.integrationservice");
    }

    @Test
    void publishes_and_consumes_what_the_asyncapi_contract_says() {
        AsyncApiContract.assertMatches("integration-service", "io.passerelle.integrationservice");
    }
}
