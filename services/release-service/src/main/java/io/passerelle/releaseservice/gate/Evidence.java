package io.passerelle.releaseservice.gate;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What a pipeline shows for itself when it opens a gate: its test report and the digest of what it deploys. */
public record Evidence(@Nullable String testReportUrl, @Nullable String artifactDigest) {

    static final Pattern URL = Pattern.compile("^https?://\\S+$");
    static final Pattern DIGEST = Pattern.compile("^[a-z0-9]+:[0-9a-f]{32,128}$");
    static final int MAX_URL = 2048;

    public static final Evidence NONE = new Evidence(null, null);

    public Evidence {
        if (testReportUrl != null && (testReportUrl.length() > MAX_URL || !URL.matcher(testReportUrl).matches())) {
            throw new IllegalArgumentException("evidence.testReportUrl must be an http(s) URL of at most " + MAX_URL
                    + " characters");
        }
        if (artifactDigest != null && !DIGEST.matcher(artifactDigest).matches()) {
            throw new IllegalArgumentException("evidence.artifactDigest must be <algorithm>:<hex>, e.g. sha256:<64 hex>");
        }
    }
}
