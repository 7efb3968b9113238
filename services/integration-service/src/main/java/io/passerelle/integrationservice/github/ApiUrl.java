package io.passerelle.integrationservice.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The GitHub REST API Passerelle talks to ({@code passerelle.github.api-url}: {@code https://api.github.com}, or
 * {@code https://<host>/api/v3} for GitHub Enterprise Server), and the one kind of callback URL it accepts from a
 * delivery: {@code <api-url>/repos/<owner>/<repo>/actions/runs/<run id>/deployment_protection_rule} for the
 * delivery's own repository. Anything else (another host, port or scheme, user information, a query, another path)
 * is refused before anything is written: an installation token is never sent elsewhere.
 */
public final class ApiUrl {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final Pattern callback;

    /** @throws IllegalArgumentException when {@code apiUrl} is not an absolute http(s) URL without query */
    public ApiUrl(String apiUrl) {
        URI uri;
        try {
            uri = new URI(apiUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("passerelle.github.api-url is not a URL: " + apiUrl);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("passerelle.github.api-url must be an absolute http(s) URL without"
                    + " user information, query or fragment: " + apiUrl);
        }
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = port(uri);
        var raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        this.callback = Pattern.compile(Pattern.quote(path) + "/repos/(" + NAME + ")/(" + NAME
                + ")/actions/runs/([1-9][0-9]{0,17})/deployment_protection_rule");
    }

    /**
     * The run id of a {@code deployment_callback_url}, provided it is this API's review endpoint for
     * {@code repository} (compared ignoring case, as GitHub does).
     *
     * @throws IllegalArgumentException naming what is wrong; nothing may be written then
     */
    public long runId(String callbackUrl, String repository) {
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            throw refused(callbackUrl, "is not a URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().equalsIgnoreCase(scheme)
                || !uri.getHost().equalsIgnoreCase(host) || port(uri) != port || uri.getRawUserInfo() != null) {
            throw refused(callbackUrl, "is not on the GitHub API Passerelle is configured for ("
                    + scheme + "://" + host + ":" + port + path + ", passerelle.github.api-url)");
        }
        var matcher = uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null ? null
                : callback.matcher(uri.getRawPath());
        if (matcher == null || !matcher.matches() || dots(matcher.group(1)) || dots(matcher.group(2))) {
            throw refused(callbackUrl, "is not " + path + "/repos/<owner>/<repo>/actions/runs/<run id>"
                    + "/deployment_protection_rule");
        }
        if (!(matcher.group(1) + "/" + matcher.group(2)).equalsIgnoreCase(repository)) {
            throw refused(callbackUrl, "names another repository than " + repository);
        }
        return Long.parseLong(matcher.group(3));
    }

    /** The run, on the API, for a run URL when the delivery names no web page for its repository. */
    public String run(String repository, long runId) {
        return base() + "/repos/" + repository + "/actions/runs/" + runId;
    }

    /** Where the App exchanges its JWT for an installation token. */
    public String accessTokens(long installationId) {
        return base() + "/app/installations/" + installationId + "/access_tokens";
    }

    private String base() {
        var defaultPort = scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + (port == defaultPort ? "" : ":" + port) + path;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean dots(String name) {
        return name.equals(".") || name.equals("..");
    }

    private static IllegalArgumentException refused(String callbackUrl, String why) {
        return new IllegalArgumentException("deployment_callback_url " + callbackUrl + " " + why
                + ": Passerelle sends its installation token to the GitHub API only");
    }

    @Override
    public String toString() {
        return base();
    }
}
