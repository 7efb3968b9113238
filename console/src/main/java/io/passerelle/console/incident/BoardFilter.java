package io.passerelle.console.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's filters, as the page's query string carries them: a state (blank: the open ones; {@code ALL}: every
 * state), a priority, a service, an environment, an assignee, a text, and how many pages of the API's list to show.
 */
public record BoardFilter(@Nullable String state, @Nullable String priority, @Nullable String service,
        @Nullable String environment, @Nullable String assignee, @Nullable String text, @Nullable Integer pages) {

    static final int MAX_PAGES = 10;

    /** The states the API is asked for: the open ones unless one (or all) is chosen. */
    List<String> states() {
        if (blank(state)) {
            return IncidentActions.OPEN;
        }
        return "ALL".equals(state) ? List.of() : List.of(state);
    }

    int pageCount() {
        return pages == null ? 1 : Math.clamp(pages, 1, MAX_PAGES);
    }

    /** The API's query: every filter given. */
    UriBuilder apply(UriBuilder uri) {
        states().forEach(s -> uri.queryParam("state", s));
        param(uri, "priority", priority);
        param(uri, "service", service);
        param(uri, "environment", environment);
        param(uri, "assignee", assignee);
        param(uri, "text", text);
        return uri;
    }

    /** The console's query string for the same filters and {@code pageCount} pages (the live region, "load more"). */
    String query(int pageCount) {
        var uri = UriComponentsBuilder.newInstance();
        param(uri, "state", state);
        param(uri, "priority", priority);
        param(uri, "service", service);
        param(uri, "environment", environment);
        param(uri, "assignee", assignee);
        param(uri, "text", text);
        if (pageCount > 1) {
            uri.queryParam("pages", pageCount);
        }
        String query = uri.encode().build().getQuery();
        return query == null ? "" : query;
    }

    private static void param(UriBuilder uri, String name, @Nullable String value) {
        if (!blank(value)) {
            uri.queryParam(name, value.trim());
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
