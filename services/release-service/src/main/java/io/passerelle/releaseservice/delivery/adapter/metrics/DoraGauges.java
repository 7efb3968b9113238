package io.passerelle.releaseservice.delivery.adapter.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.passerelle.platform.loop.PollingLoop;
import io.passerelle.releaseservice.delivery.DeliveryFigures;
import io.passerelle.releaseservice.delivery.MeasureDelivery;
import io.passerelle.releaseservice.delivery.PerformanceLevel;
import io.passerelle.releaseservice.delivery.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * The DORA figures of every environment of every service over a rolling {@code window} (30 days by default), as
 * gauges tagged {@code service} and {@code environment}. They are computed in the background every {@code refresh}
 * (5 minutes by default), never on a scrape: a scrape reads the last values. A figure with nothing to measure has no
 * series. Levels are numbers (4 elite, 3 high, 2 medium, 1 low) so that a dashboard can colour them.
 */
public class DoraGauges implements SmartLifecycle {

    private final MeasureDelivery measure;
    private final Duration window;
    private final PollingLoop loop;
    private final MultiGauge perDay;
    private final MultiGauge leadTime;
    private final MultiGauge failureRate;
    private final MultiGauge recoveryTime;
    private final MultiGauge level;

    public DoraGauges(MeasureDelivery measure, MeterRegistry meters, Duration window, Duration refresh) {
        this.measure = measure;
        this.window = window;
        var over = " over the last " + window.toDays() + " days";
        this.perDay = MultiGauge.builder("passerelle.dora.deployments.per.day")
                .description("Successful deployments per day" + over).register(meters);
        this.leadTime = MultiGauge.builder("passerelle.dora.lead.time").baseUnit("seconds")
                .description("Lead time for changes (head commit to successful deployment), by quantile" + over)
                .register(meters);
        this.failureRate = MultiGauge.builder("passerelle.dora.change.failure").baseUnit("ratio")
                .description("Change failure rate: failed deployments over finished deployments" + over)
                .register(meters);
        this.recoveryTime = MultiGauge.builder("passerelle.dora.recovery.time").baseUnit("seconds")
                .description("Failed deployment recovery time, by quantile" + over).register(meters);
        this.level = MultiGauge.builder("passerelle.dora.level")
                .description("DORA 2024 performance level of each figure: 4 elite, 3 high, 2 medium, 1 low" + over)
                .register(meters);
        this.loop = new PollingLoop("dora-gauges", refresh, () -> {
            refresh();
            return refresh;
        });
    }

    /** Computes the figures now and replaces every series with them. */
    public void refresh() {
        var figures = measure.everyEnvironment(window);
        perDay.register(rows(figures, f -> f.deploymentFrequency().perDay()), true);
        leadTime.register(quantiles(figures, f -> f.leadTime().median(), f -> f.leadTime().p90()), true);
        failureRate.register(rows(figures, f -> f.changeFailureRate().rate()), true);
        recoveryTime.register(quantiles(figures, f -> f.recoveryTime().median(), f -> f.recoveryTime().p90()), true);
        var levels = new ArrayList<MultiGauge.Row<?>>();
        figures.forEach((scope, f) -> {
            levelRow(levels, scope, "deployment_frequency", f.deploymentFrequency().level());
            levelRow(levels, scope, "lead_time", f.leadTime().level());
            levelRow(levels, scope, "change_failure_rate", f.changeFailureRate().level());
            levelRow(levels, scope, "recovery_time", f.recoveryTime().level());
        });
        level.register(levels, true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<Scope, DeliveryFigures> figures,
            Function<DeliveryFigures, @Nullable Double> value) {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        figures.forEach((scope, f) -> {
            var v = value.apply(f);
            if (v != null) {
                rows.add(MultiGauge.Row.of(tags(scope), v));
            }
        });
        return rows;
    }

    private static List<MultiGauge.Row<?>> quantiles(Map<Scope, DeliveryFigures> figures,
            Function<DeliveryFigures, @Nullable Duration> median, Function<DeliveryFigures, @Nullable Duration> p90) {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        figures.forEach((scope, f) -> {
            quantile(rows, scope, "0.5", median.apply(f));
            quantile(rows, scope, "0.9", p90.apply(f));
        });
        return rows;
    }

    private static void quantile(List<MultiGauge.Row<?>> rows, Scope scope, String quantile,
            @Nullable Duration value) {
        if (value != null) {
            rows.add(MultiGauge.Row.of(tags(scope).and("quantile", quantile), value.toMillis() / 1000.0));
        }
    }

    private static void levelRow(List<MultiGauge.Row<?>> rows, Scope scope, String figure,
            @Nullable PerformanceLevel level) {
        if (level != null) {
            rows.add(MultiGauge.Row.of(tags(scope).and("figure", figure), PerformanceLevel.values().length
                    - level.ordinal()));
        }
    }

    private static Tags tags(Scope scope) {
        return Tags.of("service", scope.service(), "environment", scope.environment());
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
