package io.passerelle.integrationservice.alert;

/** The label names that carry the service and the environment of an alert (configurable per monitoring setup). */
public record AlertLabels(String service, String environment) {
}
