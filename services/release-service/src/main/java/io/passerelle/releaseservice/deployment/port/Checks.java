package io.passerelle.releaseservice.deployment.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.releaseservice.deployment.CheckResult;
import io.passerelle.releaseservice.deployment.CommitChecks;
import org.jspecify.annotations.Nullable;

/** The latest result of each check on each commit of a service. */
public interface Checks {

    /**
     * The checks of that commit, locked until the end of the transaction even while the commit has none yet: whoever
     * records a result or decides where the commit's release goes holds this lock, so two pipelines finishing at once
     * are judged one after the other, each seeing the other's result.
     */
    CommitChecks lock(String service, String commitSha);

    /** Stores {@code result} as the latest of its check on that commit, in the caller's transaction. */
    void keep(String service, String commitSha, CheckResult result, Instant at);

    /** The latest results of the checks on the commits of the releases listed (of one service or of all), by release. */
    Map<UUID, List<CheckResult>> ofReleases(@Nullable String service);
}
