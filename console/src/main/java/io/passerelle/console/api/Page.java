package io.passerelle.console.api;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, with the API's next-page cursor link (RFC 8288 {@code Link: <…>; rel="next"}) when there is
 * one, rewritten as the query string the console passes back.
 */
public record Page(List<Map<String, Object>> items, @Nullable String next) {
}
