package io.passerelle.changeservice;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import io.passerelle.changeservice.freezewindow.FreezeCalendar;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Freeze windows and the change calendar on real PostgreSQL and RabbitMQ: declared and ended through HTTP, their
 * events out through the outbox to the bus, the calendar as JSON and as iCalendar read back with ical4j. Every window
 * is scoped to the test's own service, so that no window of one test overlaps or freezes another's.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class FreezeWindowsIntegrationTest {

    private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar");

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired FreezeCalendar freezeCalendar;

    private final String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    /** Tomorrow, on the hour. */
    private final Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS);

    @Test
    void a_declared_window_is_published_listed_frozen_on_the_calendar_and_in_the_icalendar_feed() throws Exception {
        registerService();
        var body = declare(window("Weekly release freeze", tomorrow, tomorrow.plus(2, ChronoUnit.HOURS),
                "FREQ=WEEKLY;COUNT=4"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/freeze-windows/")))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.name").value("Weekly release freeze"))
                .andExpect(jsonPath("$.start").value(tomorrow.toString()))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
                .andExpect(jsonPath("$.recurrence").value("FREQ=WEEKLY;COUNT=4"))
                .andExpect(jsonPath("$.scope.services[0]").value(service))
                .andExpect(jsonPath("$.scope.environments[0]").value("production"))
                .andExpect(jsonPath("$.declaredBy").value("alice"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.endedAt").doesNotExist())
                .andReturn().getResponse();
        String id = JsonPath.read(body.getContentAsString(), "$.id");
        assertThat(body.getHeader("Location")).isEqualTo("/api/v1/freeze-windows/" + id);

        var declared = assertConforms(events.await("freeze-window.declared.v1", about(id)));
        assertThat(declared.subject()).isEqualTo(id);
        assertThat(declared.data().get("start").asString()).isEqualTo(tomorrow.toString());
        assertThat(declared.data().get("recurrence").asString()).isEqualTo("FREQ=WEEKLY;COUNT=4");
        assertThat(declared.data().get("services").get(0).asString()).isEqualTo(service);

        mvc.perform(get("/api/v1/freeze-windows").param("active", "true").with(user("ci", "pipeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].name".formatted(id)).value("Weekly release freeze"));
        mvc.perform(get("/api/v1/freeze-windows").param("active", "false").with(user("sam", "service-desk")))
                .andExpect(jsonPath("$[?(@.id == '%s')]".formatted(id)).isEmpty());
        mvc.perform(get("/api/v1/freeze-windows/{id}", id).with(user("erin", "emergency-approver")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("Quarter close"));

        // the domain service the change lifecycle asks; occurrences keep their wall-clock time in Paris
        var second = weeksLater(1);
        assertThat(freezeCalendar.freezeAt(service, "production", second.plus(30, ChronoUnit.MINUTES)))
                .hasValueSatisfying(freeze -> {
                    assertThat(freeze.windows()).extracting(w -> w.id().toString()).containsExactly(id);
                    assertThat(freeze.until()).isEqualTo(second.plus(2, ChronoUnit.HOURS));
                });
        var during = second.plus(30, ChronoUnit.MINUTES);
        assertThat(freezeCalendar.freezeAt(service, "staging", during)).isEmpty();

        var change = raiseStandardChange();
        var from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        var calendar = mvc.perform(get("/api/v1/calendar").param("from", from.toString())
                        .param("to", from.plus(40, ChronoUnit.DAYS).toString()).with(user("carol", "cab-member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(from.toString()))
                .andReturn().getResponse().getContentAsString();
        List<String> starts = JsonPath.read(calendar, "$.freezeWindows[?(@.window.id == '%s')].occurrences[*].start"
                .formatted(id));
        assertThat(starts).containsExactly(tomorrow.toString(), weeksLater(1).toString(), weeksLater(2).toString(),
                weeksLater(3).toString());
        List<String> changes = JsonPath.read(calendar, "$.changes[?(@.id == '%s')].title".formatted(change));
        assertThat(changes).containsExactly("Rotate the keys");

        var ics = mvc.perform(get("/api/v1/calendar.ics").accept(TEXT_CALENDAR).with(user("rhea", "release-manager")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(TEXT_CALENDAR))
                .andReturn().getResponse().getContentAsString();
        var parsed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(parsed.validate().hasErrors()).isFalse();
        var window = event(parsed, id + "@freeze-window.passerelle.io");
        assertThat(window.getProperty(Property.RRULE).map(Property::getValue)).contains("FREQ=WEEKLY;COUNT=4");
        assertThat(window.getProperty(Property.DTSTART).orElseThrow().toString())
                .startsWith("DTSTART;TZID=Europe/Paris:");
        assertThat(window.getProperty(Property.DURATION).map(Property::getValue)).contains("PT2H");
        assertThat(parsed.getComponents(Component.VTIMEZONE).stream()
                .map(z -> z.getProperty(Property.TZID).map(Property::getValue).orElseThrow()))
                .contains("Europe/Paris");
        assertThat(event(parsed, change + "@change.passerelle.io").getProperty(Property.SUMMARY)
                .map(Property::getValue)).contains("Change: Rotate the keys (" + service + ", staging)");
    }

    @Test
    void a_window_ended_early_covers_nothing_from_then_on_and_is_ended_once() throws Exception {
        registerService();
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var id = declared(window("Incident freeze", now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS), null));
        assertThat(freezeCalendar.freezeAt(service, "production", Instant.now())).isPresent();

        mvc.perform(post("/api/v1/freeze-windows/{id}/end", id).with(user("bob", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.endedBy").value("bob"))
                .andExpect(jsonPath("$.endedAt").exists())
                .andExpect(jsonPath("$.active").value(false));

        var ended = assertConforms(events.await("freeze-window.ended.v1", about(id)));
        assertThat(ended.data().get("endedBy").asString()).isEqualTo("bob");
        assertThat(ended.data().get("services").get(0).asString()).isEqualTo(service);
        assertThat(freezeCalendar.freezeAt(service, "production", Instant.now().plusSeconds(1))).isEmpty();
        expectProblem(mvc.perform(post("/api/v1/freeze-windows/{id}/end", id).with(user("carol", "change-manager"))),
                409, "state-conflict");
        expectProblem(mvc.perform(post("/api/v1/freeze-windows/{id}/end", UUID.randomUUID())
                .with(user("bob", "change-manager"))), 404, "not-found");
        mvc.perform(get("/api/v1/freeze-windows/{id}", id).with(user("sam", "service-desk")))
                .andExpect(jsonPath("$.endedBy").value("bob"));
        assertThat(events.received("freeze-window.ended.v1", about(id))).hasSize(1);
        // a window ended early does not stand in the way of a new one
        declared(window("Incident freeze, again", now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS), null));
    }

    @Test
    void the_database_keeps_every_window_and_lets_it_be_ended_only() throws Exception {
        registerService();
        var id = UUID.fromString(declared(window("Kept", tomorrow, tomorrow.plus(1, ChronoUnit.HOURS), null)));

        for (var rewrite : List.of("delete from freeze_window where id = :id",
                "update freeze_window set name = 'renamed' where id = :id",
                "update freeze_window set end_local = end_local + interval '1 day' where id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(rewrite).param("id", id).update()).as(rewrite)
                    .hasMessageContaining("refused");
        }
        assertThatThrownBy(() -> jdbc.sql("truncate freeze_window").update()).hasMessageContaining("refused");
        assertThat(jdbc.sql("select name from freeze_window where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("Kept");
    }

    @Test
    void bad_windows_are_refused_with_a_problem_and_write_nothing() throws Exception {
        registerService();
        var start = tomorrow;
        var end = tomorrow.plus(2, ChronoUnit.HOURS);
        var valid = window("Good", start, end, "FREQ=WEEKLY");
        declared(valid);
        var written = rows();
        var published = outboxEvents();

        for (var body : List.of(
                window("Inverted", end, start, null),
                window("Empty", start, start, null),
                window("Year", start, start.plus(400, ChronoUnit.DAYS), null),
                window("", start, end, null),
                window("   ", start, end, null),
                window("x".repeat(201), start, end, null),
                valid.replace("\"Europe/Paris\"", "\"Europe/Atlantis\""),
                valid.replace("\"Europe/Paris\"", "\"+02:00\""),
                valid.replace("FREQ=WEEKLY", "FREQ=FORTNIGHTLY"),
                valid.replace("FREQ=WEEKLY", "RRULE:FREQ=WEEKLY"),
                valid.replace("FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=2;UNTIL=20301231T000000Z"),
                valid.replace("FREQ=WEEKLY", "FREQ=HOURLY"),
                valid.replace("FREQ=WEEKLY", "FREQ=MINUTELY"),
                valid.replace("\"start\":\"" + start + "\"", "\"start\":\"tomorrow\""),
                valid.replace("\"start\":\"" + start + "\"", "\"start\":1767225600"),
                valid.replace("\"start\":\"" + start + "\"", "\"start\":\"+999999999-12-31T23:59:59Z\""),
                valid.replace("\"reason\":\"Quarter close\",", ""),
                valid.replace(",\"scope\":{\"services\":[\"" + service + "\"],\"environments\":[\"production\"]}", ""),
                valid.replace("[\"production\"]", "[\"Production!\"]"),
                valid.replace("[\"production\"]", "[null]"),
                valid.replace("\"name\":\"Good\"", "\"name\":\"Good\",\"priority\":1"))) {
            expectProblem(declare(body), 400, "invalid-request");
        }
        for (var body : List.of(
                // the same weekly window again: it overlaps the one declared above
                valid.replace("\"Good\"", "\"Twice\""),
                // a single window during the third occurrence of the weekly one
                window("Overlap", start.plus(14, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS),
                        start.plus(14, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS), null),
                valid.replace("[\"" + service + "\"]", "[\"no-such-service\"]"),
                valid.replace("[\"production\"]", "[\"moon\"]"),
                window("Past", start.minus(30, ChronoUnit.DAYS), end.minus(30, ChronoUnit.DAYS), null))) {
            expectProblem(declare(body), 422, "rule-violated");
        }

        assertThat(rows()).as("no window written").isEqualTo(written);
        assertThat(outboxEvents()).as("no event written").isEqualTo(published);
        // touching is not overlapping: a window that starts when an occurrence ends is declared
        declared(window("Right after", end, end.plus(1, ChronoUnit.HOURS), null));
    }

    @Test
    void bad_calendar_ranges_are_refused_with_a_problem() throws Exception {
        var now = Instant.now();
        for (var range : List.of(
                Map.of("from", now.toString(), "to", now.toString()),
                Map.of("from", now.toString(), "to", now.minusSeconds(60).toString()),
                Map.of("from", now.toString(), "to", now.plus(367, ChronoUnit.DAYS).toString()),
                Map.of("from", "yesterday"),
                Map.of("to", "2026-13-01T00:00:00Z"),
                Map.of("from", "2026-11-30T10:00:00"),
                Map.of("from", "+999999999-12-31T23:59:59Z"))) {
            for (var path : List.of("/api/v1/calendar", "/api/v1/calendar.ics")) {
                var request = get(path).with(user("bob", "change-manager"));
                range.forEach(request::param);
                expectProblem(mvc.perform(request), 400, "invalid-request");
            }
        }
        mvc.perform(get("/api/v1/calendar").with(user("bob", "change-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.freezeWindows").isArray())
                .andExpect(jsonPath("$.changes").isArray());
    }

    @Test
    void without_a_token_every_endpoint_is_unauthenticated() throws Exception {
        var id = UUID.randomUUID();
        expectProblem(mvc.perform(post("/api/v1/freeze-windows").contentType(MediaType.APPLICATION_JSON)
                .content(window("x", tomorrow, tomorrow.plusSeconds(60), null))), 401, "unauthenticated");
        expectProblem(mvc.perform(get("/api/v1/freeze-windows")), 401, "unauthenticated");
        expectProblem(mvc.perform(get("/api/v1/freeze-windows/{id}", id)), 401, "unauthenticated");
        expectProblem(mvc.perform(post("/api/v1/freeze-windows/{id}/end", id)), 401, "unauthenticated");
        expectProblem(mvc.perform(get("/api/v1/calendar")), 401, "unauthenticated");
        expectProblem(mvc.perform(get("/api/v1/calendar.ics")), 401, "unauthenticated");
    }

    @Test
    void roles_decide_who_may_declare_end_and_read_windows_and_the_calendar() throws Exception {
        registerService();
        var id = declared(window("Roles", tomorrow, tomorrow.plus(1, ChronoUnit.HOURS), null));
        var rows = rows();

        for (var role : List.of("cab-member", "emergency-approver", "release-manager", "service-desk", "pipeline",
                "monitoring", "operator")) {
            expectProblem(declare(window("Not yours", tomorrow.plus(2, ChronoUnit.HOURS),
                    tomorrow.plus(3, ChronoUnit.HOURS), null), user("x", role)), 403, "forbidden");
            expectProblem(mvc.perform(post("/api/v1/freeze-windows/{id}/end", id).with(user("x", role))), 403,
                    "forbidden");
        }
        for (var role : List.of("monitoring", "operator")) {
            expectProblem(mvc.perform(get("/api/v1/freeze-windows").with(user("x", role))), 403, "forbidden");
            expectProblem(mvc.perform(get("/api/v1/freeze-windows/{id}", id).with(user("x", role))), 403, "forbidden");
        }
        for (var role : List.of("pipeline", "monitoring", "operator")) {
            expectProblem(mvc.perform(get("/api/v1/calendar").with(user("x", role))), 403, "forbidden");
            expectProblem(mvc.perform(get("/api/v1/calendar.ics").with(user("x", role))), 403, "forbidden");
        }
        for (var role : List.of("change-manager", "cab-member", "emergency-approver", "release-manager",
                "service-desk", "pipeline")) {
            mvc.perform(get("/api/v1/freeze-windows/{id}", id).with(user("x", role))).andExpect(status().isOk());
        }
        for (var role : List.of("change-manager", "cab-member", "emergency-approver", "release-manager",
                "service-desk")) {
            mvc.perform(get("/api/v1/calendar").with(user("x", role))).andExpect(status().isOk());
        }
        assertThat(rows()).isEqualTo(rows);
        mvc.perform(get("/api/v1/freeze-windows/{id}", id).with(user("x", "pipeline")))
                .andExpect(jsonPath("$.endedAt").doesNotExist());
    }

    // --- helpers

    /** The start of the weekly window's occurrence that many weeks after tomorrow's: the same time in Paris. */
    private Instant weeksLater(int weeks) {
        return tomorrow.atZone(java.time.ZoneId.of("Europe/Paris")).plusWeeks(weeks).toInstant();
    }

    private String window(String name, Instant start, Instant end, String recurrence) {
        return """
                {"name":"%s","reason":"Quarter close","start":"%s","end":"%s","timeZone":"Europe/Paris"%s,\
                "scope":{"services":["%s"],"environments":["production"]}}"""
                .formatted(name, start, end, recurrence == null ? "" : ",\"recurrence\":\"" + recurrence + "\"",
                        service);
    }

    private ResultActions declare(String body) throws Exception {
        return declare(body, user("alice", "change-manager"));
    }

    private ResultActions declare(String body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/v1/freeze-windows").with(token).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String declared(String body) throws Exception {
        var response = declare(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private int rows() {
        return jdbc.sql("select count(*) from freeze_window where :s = any(services)").param("s", service)
                .query(Integer.class).single();
    }

    private int outboxEvents() {
        return jdbc.sql("select count(*) from outbox_event where payload ->> 'type' like 'freeze-window.%'"
                        + " and cast(payload as jsonb) -> 'data' -> 'services' @> jsonb_build_array(cast(:s as text))").param("s", service)
                .query(Integer.class).single();
    }

    private String raiseStandardChange() throws Exception {
        var response = mvc.perform(post("/api/v1/changes").with(user("rhea", "release-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"service":"%s","environment":"staging","title":"Rotate the keys","type":"STANDARD"}"""
                                .formatted(service)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private void registerService() {
        Catalogued.register(events, jdbc, service, "staging", "production");
    }

    private static VEvent event(net.fortuna.ical4j.model.Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getProperty(Property.UID).map(Property::getValue).orElse("").equals(uid))
                .findFirst().orElseThrow(() -> new AssertionError("no event " + uid + " in the feed"));
    }

    private static ResultActions expectProblem(ResultActions result, int status, String type) throws Exception {
        return Catalogued.expectProblem(result, status, type)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    private static Predicate<JsonNode> about(String windowId) {
        return data -> data.path("windowId").asString().equals(windowId);
    }

    private static RequestPostProcessor user(String name, String... roles) {
        return TestJwts.user(name, roles);
    }
}
