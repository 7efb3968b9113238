package io.passerelle.changeservice.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.risk.port.ChangeHistory;

/** The history of changes for the unit tests: each ended implementation, when, and whether it failed. */
class InMemoryChangeHistory implements ChangeHistory {

    private final List<Ended> ended = new ArrayList<>();

    InMemoryChangeHistory succeeded(String service, String environment, Instant at) {
        ended.add(new Ended(service, environment, at, false));
        return this;
    }

    InMemoryChangeHistory failed(String service, String environment, Instant at) {
        ended.add(new Ended(service, environment, at, true));
        return this;
    }

    @Override
    public Tally endedBetween(String service, Instant from, Instant to) {
        var inWindow = ended.stream().filter(e -> e.service.equals(service) && e.at.isAfter(from) && !e.at.isAfter(to))
                .toList();
        return new Tally(inWindow.size(), (int) inWindow.stream().filter(Ended::failed).count());
    }

    @Override
    public Optional<Instant> lastSuccess(String service, String environment, Instant until) {
        return ended.stream().filter(e -> e.service.equals(service) && e.environment.equals(environment) && !e.failed
                        && !e.at.isAfter(until))
                .map(Ended::at).max(Comparator.naturalOrder());
    }

    private record Ended(String service, String environment, Instant at, boolean failed) {
    }
}
