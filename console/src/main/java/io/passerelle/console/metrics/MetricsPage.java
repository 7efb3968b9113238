package io.passerelle.console.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Me;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The DORA figures of a service (or every service) in an environment (by default each one's production) over a
 * period of whole days (UTC), by default the last 30: as charts, as text, and with the deployments behind each number.
 */
@Controller
class MetricsPage {

    static final int DEFAULT_DAYS = 30;

    private final Api api;
    private final MessageSource messages;
    private final ObjectMapper json;

    MetricsPage(Api api, MessageSource messages, ObjectMapper json) {
        this.api = api;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/metrics")
    String metrics(@RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @ModelAttribute("me") Me me, Model model, Locale locale) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate last = to != null ? to : LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (end.isAfter(now) && start.isBefore(now)) {
            end = now; // the figures up to now, not over days that have not happened
        }
        String chosen = blankToNull(service);
        String in = blankToNull(environment);

        var query = new StringBuilder("/api/v1/metrics/dora?from={from}&to={to}");
        var variables = new java.util.ArrayList<Object>(List.of(start.toString(), end.toString()));
        if (chosen != null) {
            query.append("&service={service}");
            variables.add(chosen);
        }
        if (in != null) {
            query.append("&environment={environment}");
            variables.add(in);
        }
        DoraFigures figures = DoraFigures.of(api.get(query.toString(), variables.toArray()),
                word -> messages.getMessage("metrics.word." + word, null, locale));
        Map<String, String> charts = new LinkedHashMap<>();
        figures.figures().forEach(f -> charts.put(f.key(), json.writeValueAsString(f.chart())));

        // the catalog for the service list, where the user's roles read it (an operator types the name)
        model.addAttribute("services", me.has("release-manager", "change-manager")
                ? api.list(u -> u.path("/api/v1/services").build()).stream().map(s -> String.valueOf(s.get("name"))).toList()
                : null);
        model.addAttribute("service", chosen);
        model.addAttribute("environment", in);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("dora", figures);
        model.addAttribute("charts", charts);
        return "metrics/index";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
