package io.passerelle.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CloudEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_envelope_survives_a_round_trip_through_json() {
        var event = CloudEvent.of("/passerelle/test", "change.authorized.v1", "c-1", Instant.parse("2026-01-01T00:00:00Z"),
                json.valueToTree(Map.of("changeId", "c-1")));
        var text = json.writeValueAsString(event);

        var read = json.readValue(text, CloudEvent.class).requireValid();

        assertThat(text).contains("\"specversion\":\"1.0\"", "\"time\":\"2026-01-01T00:00:00Z\"");
        assertThat(read).isEqualTo(event);
    }

    @Test
    void an_envelope_without_required_attributes_is_refused() {
        var read = json.readValue("{\"specversion\":\"1.0\",\"type\":\"x\",\"data\":{}}", CloudEvent.class);
        assertThatThrownBy(read::requireValid).hasMessageContaining("without id");
    }
}
