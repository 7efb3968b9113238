package io.passerelle.incidentservice.incident.port;

import java.util.List;
import java.util.Map;

import io.passerelle.incidentservice.incident.SuggestedKnownError;
import org.jspecify.annotations.Nullable;

/** The known error database, as an incident that opens consults it (port). */
public interface KnownErrors {

    /**
     * The known errors an incident of that service, alert name and alert labels matches, most specific first; an
     * incident the service desk logged has no alert name and no labels.
     */
    List<SuggestedKnownError> matching(@Nullable String service, @Nullable String alertName,
            Map<String, String> labels);
}
