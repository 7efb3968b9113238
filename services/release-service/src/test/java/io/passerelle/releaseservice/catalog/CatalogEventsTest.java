package io.passerelle.releaseservice.catalog;

import java.time.Instant;
import java.util.List;

import io.passerelle.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The catalog's events, as published, against the shapes recorded before the event records became the wire. */
class CatalogEventsTest {

    @Test
    void service_registered_keeps_its_recorded_shape() {
        var service = Service.register("payments", "acme/payments", "main",
                "Bw6cAxyelSCRacalQWm7bzptlqlSoQF71lUTwrPE3lgCgcMMSlR1kCxUkIrZMRwu7BQ3klnf2ABolmnxHw==",
                List.of(new Environment("production", 2, true, DeployTarget.webhook("https://deploy.example/production"), List.of()),
                        new Environment("staging", 1, false, DeployTarget.webhook("https://deploy.example/staging"), List.of())),
                Instant.parse("2026-03-01T09:00:00Z"));

        EventContracts.assertMatchesRecorded(service.pullEvents().getFirst());
    }
}
