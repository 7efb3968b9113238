package io.passerelle.integrationservice;

import io.passerelle.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** The house rules (layout, ports and adapters, no cycles, roles), and the events against asyncapi.yaml. */
    @Test
    void follows_the_house_rules_and_publishes_and_consumes_what_the_asyncapi_document_says() {
        ArchitectureRules.checkService("integration-service", "io.passerelle.integrationservice");
    }
}
