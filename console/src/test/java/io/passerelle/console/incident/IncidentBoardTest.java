package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IncidentBoardTest {

    @Test
    void the_form_offers_each_service_of_the_catalog_with_each_of_its_environments_in_order() {
        var catalog = List.<Map<String, Object>>of(
                Map.of("name", "checkout", "environments", List.of(Map.of("name", "staging"), Map.of("name", "production"))),
                Map.of("name", "ledger", "environments", List.of()));

        assertThat(IncidentBoard.targets(catalog)).extracting(IncidentBoard.Target::value)
                .containsExactly("checkout/staging", "checkout/production");
    }

    @Test
    void only_undecided_suspects_can_be_decided() {
        var incident = Map.<String, Object>of("suspects", List.of(
                Map.of("deploymentId", "a", "decision", "DISMISSED"),
                new java.util.HashMap<>(Map.of("deploymentId", "b"))));
        assertThat(IncidentDetail.undecided(incident)).extracting(s -> s.get("deploymentId")).containsExactly("b");
        assertThat(IncidentDetail.undecided(Map.of())).isEmpty();
    }
}
