package io.passerelle.platform.it;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.event.EventType;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service that exercises the platform the way the real services do. */
@SpringBootApplication
class PlatformTestApplication {

    record Ping(String id) {
    }

    record Typed(String title, int order, boolean flag, OffsetDateTime at, List<String> tags,
            Map<String, String> labels, @Nullable Instant when, @Nullable UUID ref) {
    }

    @EventType("test.ponged.v1")
    record Ponged(String id) implements DomainEvent {
        public String subject() {
            return id;
        }
    }

    /** Two handlers in one class, as a service declares them. */
    @Component
    static class PingHandlers {

        private final JdbcClient jdbc;
        private final EventPublisher events;

        PingHandlers(JdbcClient jdbc, EventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @HandlesEvent("test.pinged.v1")
        void pinged(Ping ping) {
            count(ping);
            events.publish(new Ponged(ping.id()));
        }

        @HandlesEvent("test.poisoned.v1")
        void poisoned(Ping ping, InboundEvent event) {
            count(ping);
            boolean cured = jdbc.sql("select cured from poison_switch").query(Boolean.class).single();
            if (!cured) {
                throw new IllegalStateException("poisoned " + ping.id() + " in event " + event.id());
            }
        }

        private void count(Ping ping) {
            jdbc.sql("insert into ping (id, attempts) values (:id, 1) on conflict (id) do update set attempts = ping.attempts + 1")
                    .param("id", ping.id()).update();
        }
    }

    @RestController
    static class PingController {

        private final EventPublisher events;

        PingController(EventPublisher events) {
            this.events = events;
        }

        @PostMapping("/pings/boom")
        @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
        Ping boom(@RequestBody Ping ping) {
            throw new IllegalStateException("an internal detail that must not leak");
        }

        /** Every JSON type the contracts use, so that strict binding can be tested; writes a row when accepted. */
        @PostMapping("/pings/typed")
        @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
        @Transactional
        Typed typed(@RequestBody Typed typed) {
            events.publish(new Ponged(typed.title()));
            return typed;
        }

        @GetMapping("/pings")
        @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
        List<Ping> list(@RequestParam(required = false) @Nullable UUID after,
                @RequestHeader(name = "X-Trace", required = false) @Nullable String trace) {
            return List.of();
        }

        enum State { OPEN, RESOLVED }

        @GetMapping("/pings/strict")
        @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
        List<Ping> strict(@RequestParam(required = false) @Nullable State state,
                @RequestParam(required = false) @Nullable Integer limit) {
            return List.of();
        }

        @PostMapping("/pings")
        @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
        @Transactional
        Ping ping(@RequestBody Ping ping) {
            events.publish(new Ponged(ping.id()));
            return ping;
        }
    }
}
