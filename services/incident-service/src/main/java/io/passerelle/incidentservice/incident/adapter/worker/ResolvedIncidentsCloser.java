package io.passerelle.incidentservice.incident.adapter.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.passerelle.incidentservice.incident.CloseResolvedIncidents;
import io.passerelle.platform.loop.DueRowsWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes resolved incidents as their reopen period ends, on the platform's {@link DueRowsWorker}, looking again at
 * least every {@code passerelle.incidents.close-poll-interval} for incidents another instance resolved.
 */
@Component
class ResolvedIncidentsCloser extends DueRowsWorker {

    ResolvedIncidentsCloser(CloseResolvedIncidents closing, TransactionTemplate tx, Clock clock,
            @Value("${passerelle.incidents.close-poll-interval:5s}") Duration pollInterval) {
        super("resolved-incidents-closer", new DueRows() {
            @Override
            public int handleDue(int batch) {
                return closing.closeDue(batch);
            }

            @Override
            public Optional<Instant> nextDue() {
                return closing.nextDue();
            }
        }, CloseResolvedIncidents.BATCH, tx, clock, pollInterval);
    }
}
