package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.integrationservice.alert.Attribution.Attributed;
import org.junit.jupiter.api.Test;

class AttributionTest {

    final Catalog catalog = new Catalog().with("payments", "staging", "production").with("legacy");
    final Attribution defaults = new Attribution(Map.of(Source.ALERTMANAGER, LabelRules.defaults(),
            Source.GRAFANA, LabelRules.defaults(), Source.CDEVENTS, LabelRules.defaults()), catalog);

    Optional<Attributed> of(Map<String, String> labels) {
        return defaults.of(Source.ALERTMANAGER, labels);
    }

    @Test
    void the_service_and_environment_labels_name_a_catalogued_service_and_one_of_its_environments() {
        assertThat(of(Map.of("service", "payments", "environment", "production")))
                .contains(new Attributed("payments", "production"));
    }

    @Test
    void app_then_job_stand_in_for_the_service_label_and_namespace_for_the_environment_label() {
        assertThat(of(Map.of("app", "payments", "namespace", "staging")))
                .contains(new Attributed("payments", "staging"));
        assertThat(of(Map.of("job", "payments", "app", "", "environment", "staging")))
                .as("a blank label is as good as none").contains(new Attributed("payments", "staging"));
        assertThat(of(Map.of("job", "payments", "app", "node-exporter", "environment", "staging")))
                .as("app comes before job").isEmpty();
    }

    @Test
    void the_first_label_the_alert_carries_is_read_even_when_a_fallback_would_name_a_known_service() {
        assertThat(of(Map.of("service", "checkout", "app", "payments", "environment", "staging"))).isEmpty();
    }

    @Test
    void an_unknown_service_or_an_environment_the_service_does_not_have_is_unattributed() {
        assertThat(of(Map.of("service", "checkout", "environment", "production"))).isEmpty();
        assertThat(of(Map.of("service", "payments", "environment", "qa"))).isEmpty();
        assertThat(of(Map.of("service", "payments"))).isEmpty();
        assertThat(of(Map.of("environment", "production"))).isEmpty();
        assertThat(of(Map.of())).isEmpty();
    }

    @Test
    void the_environment_is_matched_ignoring_case_and_given_as_the_catalog_names_it() {
        assertThat(of(Map.of("service", "payments", "environment", "Production")))
                .contains(new Attributed("payments", "production"));
    }

    @Test
    void a_service_catalogued_before_its_environments_were_kept_takes_any_passerelle_name() {
        assertThat(of(Map.of("service", "legacy", "environment", "prod"))).contains(new Attributed("legacy", "prod"));
        assertThat(of(Map.of("service", "legacy", "environment", "Prod Cluster"))).isEmpty();
    }

    @Test
    void each_source_reads_its_own_labels() {
        var attribution = new Attribution(Map.of(
                Source.ALERTMANAGER, LabelRules.defaults(),
                Source.GRAFANA, new LabelRules(List.of("grafana_service"), List.of("env")),
                Source.CDEVENTS, LabelRules.defaults()), catalog);
        var labels = Map.of("grafana_service", "payments", "env", "staging", "service", "payments",
                "environment", "production");

        assertThat(attribution.of(Source.GRAFANA, labels)).contains(new Attributed("payments", "staging"));
        assertThat(attribution.of(Source.ALERTMANAGER, labels)).contains(new Attributed("payments", "production"));
    }

    @Test
    void every_source_needs_its_rules_and_every_rule_at_least_one_label() {
        assertThatThrownBy(() -> new Attribution(Map.of(Source.GRAFANA, LabelRules.defaults()), catalog))
                .hasMessageContaining("alertmanager");
        assertThatThrownBy(() -> new LabelRules(List.of(), List.of("environment")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
