package io.passerelle.integrationservice.alert;

/** How many alerts became events, and how many were skipped for lack of service, environment or timestamps. */
public record Receipt(int accepted, int skipped) {
}
