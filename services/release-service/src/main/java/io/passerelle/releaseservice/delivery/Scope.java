package io.passerelle.releaseservice.delivery;

/** One environment of one service whose deployments the figures count. */
public record Scope(String service, String environment) {
}
