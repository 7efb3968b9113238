package io.passerelle.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an event record becomes the data of its CloudEvent, set once for every event: the record's components as
 * JSON properties, absent (null) ones left out, as every schema in api-specs/events expects.
 */
public final class WireFormat {

    private WireFormat() {
    }

    public static JsonMapper of(JsonMapper base) {
        return base.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }
}
