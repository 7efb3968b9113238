package io.passerelle.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    @Test
    void an_event_type_is_signalled_by_its_kind_only_for_the_kinds_pages_show() {
        assertThat(LiveUpdates.kind("change.raised.v1")).isEqualTo("change");
        assertThat(LiveUpdates.kind("freeze-window.declared.v1")).isEqualTo("freeze-window");
        assertThat(LiveUpdates.kind("incident.cause-confirmed.v1")).isEqualTo("incident");
        assertThat(LiveUpdates.kind("alert.fired.v1")).isNull();
        assertThat(LiveUpdates.kind("gate")).isNull();
    }

    @Test
    void open_streams_are_counted_in_a_gauge() {
        var meters = new SimpleMeterRegistry();
        var updates = new LiveUpdates(meters);
        updates.open();
        updates.open();
        assertThat(updates.openStreams()).isEqualTo(2);
        assertThat(meters.get("passerelle.console.live.streams").gauge().value()).isEqualTo(2.0);
    }
}
