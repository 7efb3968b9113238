package io.passerelle.releaseservice.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.delivery.port.DeliveryHistory;
import org.jspecify.annotations.Nullable;

/**
 * The DORA figures of a scope and a range. The scope is one environment of each service measured: the environment
 * asked for, or else each service's production environment, its last in promotion order (where releases end). The
 * range is [from, to), by default the 30 days up to now, at most 366 days. The change failure rate and the recovery
 * time count the failed deployments and those an incident was confirmed to be caused by (two queries: the
 * deployments, then their causes).
 */
public class MeasureDelivery {

    public static final Duration LONGEST = Duration.ofDays(366);
    public static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final Services services;
    private final DeliveryHistory history;
    private final Clock clock;

    public MeasureDelivery(Services services, DeliveryHistory history, Clock clock) {
        this.services = services;
        this.history = history;
        this.clock = clock;
    }

    /** What was measured and the figures. */
    public record Measurement(List<Scope> scopes, DeliveryFigures figures) {
    }

    /**
     * The figures of {@code service} (all services when null) in {@code environment} (each one's production when
     * null) over [from, to). Refused (400) unless from is before to and the range at most 366 days; a service or
     * environment the catalog does not know is not found (404), rather than measured as zero.
     */
    public Measurement measure(@Nullable String service, @Nullable String environment, @Nullable Instant from,
            @Nullable Instant to) {
        var end = to != null ? to : clock.instant();
        var start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the figures cover at most " + LONGEST.toDays() + " days at once");
        }
        var scopes = scopes(service, environment);
        return new Measurement(scopes, DeliveryFigures.of(start, end, history.finishedBetween(scopes, start, end),
                history.causesBetween(scopes, start, end)));
    }

    /**
     * The figures of every environment of every service over the {@code window} up to now, each on its own: what the
     * gauges show.
     */
    public Map<Scope, DeliveryFigures> everyEnvironment(Duration window) {
        var end = clock.instant();
        var start = end.minus(window);
        var scopes = services.all().stream()
                .flatMap(s -> s.environments().stream().map(e -> new Scope(s.name(), e.name()))).toList();
        var byScope = history.finishedBetween(scopes, start, end).stream()
                .collect(Collectors.groupingBy(d -> new Scope(d.service(), d.environment())));
        // a cause of another scope's deployment is ignored by DeliveryFigures.of: every scope may be given them all
        var causes = history.causesBetween(scopes, start, end);
        var figures = new LinkedHashMap<Scope, DeliveryFigures>();
        for (var scope : scopes) {
            figures.put(scope, DeliveryFigures.of(start, end, byScope.getOrDefault(scope, List.of()), causes));
        }
        return figures;
    }

    private List<Scope> scopes(@Nullable String service, @Nullable String environment) {
        if (service != null) {
            var found = services.byName(service).orElseThrow(() -> new NotFoundException("service", service));
            return List.of(new Scope(service, environment == null ? production(found)
                    : found.environment(environment).map(Environment::name).orElseThrow(
                            () -> new NotFoundException("environment", environment + " of service " + service))));
        }
        var scopes = services.all().stream()
                .filter(s -> environment == null || s.environment(environment).isPresent())
                .map(s -> new Scope(s.name(), environment == null ? production(s) : environment))
                .toList();
        if (environment != null && scopes.isEmpty()) {
            throw new NotFoundException("environment", environment + " of any service");
        }
        return scopes;
    }

    private static String production(Service service) {
        return service.environments().getLast().name();
    }
}
