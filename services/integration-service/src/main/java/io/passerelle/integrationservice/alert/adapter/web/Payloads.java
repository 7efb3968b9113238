package io.passerelle.integrationservice.alert.adapter.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.passerelle.integrationservice.alert.Alert;
import io.passerelle.integrationservice.alert.Limits;
import io.passerelle.platform.web.JsonErrors;
import io.passerelle.platform.web.StrictDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the monitoring webhooks read alike: a body read tolerantly (the service's mapper refuses unknown fields; the
 * senders add some over time), the group's fields bounded as an alert's are, RFC 3339 timestamps, and each alert's
 * refusal named by its index.
 */
final class Payloads {

    static final Set<String> STATUSES = Set.of("firing", "resolved");

    private final JsonMapper tolerant;

    Payloads(JsonMapper json) {
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** @throws IllegalArgumentException the body is not JSON, or not the payload ({@code what} names it) */
    <T> T read(byte[] body, Class<T> type, String what) {
        T payload;
        try {
            payload = tolerant.readValue(body, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e));
        }
        if (payload == null) {
            throw new IllegalArgumentException("the body is not " + what + " in JSON");
        }
        return payload;
    }

    /** @throws IllegalArgumentException for a group's field the contract refuses */
    static void checkGroup(@Nullable List<?> alerts, @Nullable String status, @Nullable String groupKey,
            @Nullable String receiver, @Nullable String externalUrl, @Nullable Map<String, String> groupLabels,
            @Nullable Map<String, String> commonLabels, @Nullable Map<String, String> commonAnnotations) {
        if (alerts == null) {
            throw new IllegalArgumentException("alerts is required");
        }
        status(status);
        Limits.atMost("groupKey", groupKey, Limits.MAX_TEXT);
        Limits.atMost("receiver", receiver, Limits.MAX_TEXT);
        Limits.atMost("externalURL", externalUrl, Limits.MAX_URL);
        Limits.bounded("groupLabels", orEmpty(groupLabels), Limits.MAX_LABEL_VALUE);
        Limits.bounded("commonLabels", orEmpty(commonLabels), Limits.MAX_LABEL_VALUE);
        Limits.bounded("commonAnnotations", orEmpty(commonAnnotations), Limits.MAX_ANNOTATION_VALUE);
    }

    static void status(@Nullable String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be firing or resolved");
        }
    }

    static Map<String, String> orEmpty(@Nullable Map<String, String> entries) {
        return entries == null ? Map.of() : entries;
    }

    /** @throws IllegalArgumentException naming the alert (by its index) and the field that cannot be accepted */
    static <T> List<Alert> alerts(List<T> items, Function<T, Alert> toDomain) {
        var domain = new ArrayList<Alert>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                domain.add(toDomain.apply(items.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("alerts[" + i + "]." + e.getMessage(), e);
            }
        }
        return domain;
    }

    /**
     * A timestamp is an RFC 3339 date-time as everywhere else in Passerelle; one that is not is refused here (it used
     * to pass as {@code +10000-…} and fail in the incident service's consumer).
     */
    static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return StrictDateTime.parse(value).toInstant();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage(), e);
        }
    }
}
