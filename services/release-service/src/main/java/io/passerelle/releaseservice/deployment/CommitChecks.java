package io.passerelle.releaseservice.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest result of each check (by name) on one commit of a service, whether or not the commit has a release yet.
 * It decides which result is the latest ({@link CheckResult#supersedes}) and whether a set of required checks lets a
 * release go on ({@link #judge}).
 */
public final class CommitChecks {

    private final String service;
    private final String commitSha;
    private final Map<String, CheckResult> latest = new TreeMap<>();

    public CommitChecks(String service, String commitSha, Collection<CheckResult> results) {
        this.service = service;
        this.commitSha = commitSha;
        results.forEach(result -> latest.put(result.name(), result));
    }

    /** Keeps {@code result} if it is the newest of its check; false (nothing kept) for an older or the same one. */
    public boolean record(CheckResult result) {
        var kept = latest.get(result.name());
        if (kept != null && !result.supersedes(kept)) {
            return false;
        }
        latest.put(result.name(), result);
        return true;
    }

    /** Whether a release of this commit may go where {@code required} checks must be green, and if not, why not. */
    public Verdict judge(List<String> required) {
        var failed = new ArrayList<CheckResult>();
        var missing = new ArrayList<String>();
        var green = new ArrayList<CheckResult>();
        for (var name : required) {
            var result = latest.get(name);
            if (result == null) {
                missing.add(name);
            } else if (result.green()) {
                green.add(result);
            } else {
                failed.add(result);
            }
        }
        if (!failed.isEmpty()) {
            return new Verdict.Stopped(failed);
        }
        return missing.isEmpty() ? new Verdict.Ready(green) : new Verdict.Waiting(missing);
    }

    public String service() {
        return service;
    }

    public String commitSha() {
        return commitSha;
    }

    /** The latest result of each check, by name. */
    public List<CheckResult> latest() {
        return List.copyOf(latest.values());
    }

    /** What the required checks say about a release going on. */
    public sealed interface Verdict {

        /** Every required check is green (the latest result of each). */
        record Ready(List<CheckResult> required) implements Verdict {
        }

        /** No failed check, but these have not completed on the commit yet. */
        record Waiting(List<String> missing) implements Verdict {
        }

        /** The latest result of these required checks is not green: a green re-run lets the release go on. */
        record Stopped(List<CheckResult> failed) implements Verdict {
        }
    }
}
