package io.passerelle.console.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Me;
import org.springframework.stereotype.Component;

/**
 * What a change carries as evidence: the release it deploys (commits, the pipeline run, the checks run on its commit),
 * read from release-service. Only for the roles release-service lets read releases (release-manager, change-manager,
 * service-desk); others see the change without it.
 */
@Component
public class Evidence {

    static final String[] READERS = {"release-manager", "change-manager", "service-desk"};

    private final Api api;

    Evidence(Api api) {
        this.api = api;
    }

    /** The releases of these changes (by release id), one call per service. */
    public Map<String, Map<String, Object>> releasesOf(List<Map<String, Object>> changes, Me me) {
        var releases = new HashMap<String, Map<String, Object>>();
        if (!me.has(READERS)) {
            return releases;
        }
        changes.stream().filter(c -> c.get("releaseId") != null).map(c -> (String) c.get("service"))
                .filter(Objects::nonNull).distinct().forEach(service ->
                        api.list(u -> u.path("/api/v1/releases").queryParam("service", service).build())
                                .forEach(release -> releases.put(String.valueOf(release.get("id")), release)));
        return releases;
    }
}
