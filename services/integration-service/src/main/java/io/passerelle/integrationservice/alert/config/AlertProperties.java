package io.passerelle.integrationservice.alert.config;

import java.time.Duration;
import java.util.List;

import io.passerelle.integrationservice.alert.LabelRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.alerts.*}: which labels name the service and the environment, per source, and Grafana's window.
 *
 * @param window a signed Grafana notification's timestamp must be within it of now; the same notification again
 *        within it publishes nothing
 */
@ConfigurationProperties("passerelle.alerts")
record AlertProperties(@DefaultValue Sources sources, @DefaultValue("5m") Duration window) {

    AlertProperties {
        if (!window.isPositive()) {
            throw new IllegalArgumentException("passerelle.alerts.window must be positive");
        }
    }

    record Sources(@DefaultValue Labels alertmanager, @DefaultValue Labels grafana, @DefaultValue Labels cdevents) {
    }

    /**
     * @param serviceLabels the labels that may name the service, in order: the first the alert carries is read
     * @param environmentLabels the same for the environment
     */
    record Labels(@DefaultValue({"service", "app", "job"}) List<String> serviceLabels,
            @DefaultValue({"environment", "namespace"}) List<String> environmentLabels) {

        LabelRules rules() {
            return new LabelRules(serviceLabels, environmentLabels);
        }
    }
}
