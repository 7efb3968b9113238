package io.passerelle.integrationservice.executor.adapter.jenkins;

/**
 * The Jenkins job a service's environment deploys through.
 *
 * @param url Jenkins' root URL as Jenkins itself is configured with (its answers point there)
 * @param path the job's full name, folders separated by slashes ({@code deploy/payments})
 * @param user the user whose API token calls
 */
public record JenkinsJob(String url, String path, String user) {
}
