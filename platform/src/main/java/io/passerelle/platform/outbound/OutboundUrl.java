package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A URL Passerelle may call, read strictly: http or https, no user information, a host that is either a DNS name
 * or an IP literal in its one unambiguous spelling, a port from 1 to 65535. The caller connects with these parts
 * (never with another parser's reading of the original text).
 *
 * @param host a DNS name (lower case, no trailing dot) or an IP literal (IPv6 without brackets)
 * @param literal the address, when the host is an IP literal
 * @param target the path and query to send ({@code /} when the URL has no path)
 */
public record OutboundUrl(String scheme, String host, int port, @Nullable InetAddress literal, String target) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** {@code host:port}, IPv6 in brackets: the target's identity (one circuit breaker each). */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public boolean https() {
        return scheme.equals("https");
    }

    /** @throws Malformed with what is wrong, in the words of whoever wrote the URL */
    static OutboundUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Malformed("is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Malformed(uri.getScheme() == null ? "is not an absolute http(s) URL"
                    : "must use http or https, not " + uri.getScheme());
        }
        var authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            throw new Malformed("has no host");
        }
        if (authority.indexOf('@') >= 0) {
            throw new Malformed("must not carry user information (user@host): it disguises where the call goes");
        }
        if (authority.indexOf('%') >= 0) {
            throw new Malformed("must not percent-encode its host");
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new Malformed("has an unterminated IPv6 literal");
            }
            host = authority.substring(1, close);
            var rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new Malformed("has text after its IPv6 literal");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
            if (!Literals.isIpv6(host)) {
                throw new Malformed("has an invalid IPv6 literal [" + host + "]");
            }
            host = host.toLowerCase(Locale.ROOT);
        } else {
            int colon = authority.lastIndexOf(':');
            host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
            port = colon < 0 ? null : authority.substring(colon + 1);
            host = host(host);
        }
        int number = port(port, scheme);
        var literal = Literals.address(host).orElse(null);
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new OutboundUrl(scheme, host, number, literal, target);
    }

    private static String host(String host) {
        if (host.isEmpty()) {
            throw new Malformed("has no host");
        }
        var name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (Literals.endsInNumber(name)) {
            if (Literals.isCanonicalIpv4(name)) {
                return name;
            }
            throw new Malformed("has the host '" + host + "', a number that HTTP clients and resolvers read"
                    + " differently (hex, octal, a single integer or fewer than four parts): write an IPv4 address as"
                    + " four decimal numbers, or use a name");
        }
        if (name.length() > 253 || !name.chars().allMatch(c -> c < 128)) {
            throw new Malformed("has the host '" + host + "', which is not a DNS name (ASCII, at most 253 characters;"
                    + " write international names in punycode)");
        }
        for (var label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new Malformed("has the host '" + host + "', which is not a DNS name (labels of letters, digits"
                        + " and inner hyphens, 1 to 63 characters, separated by single dots)");
            }
        }
        return name;
    }

    private static int port(@Nullable String port, String scheme) {
        if (port == null) {
            return scheme.equals("https") ? 443 : 80;
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new Malformed("has the port '" + port + "': a port is a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    /** What is wrong with a URL's text, whatever it resolves to. */
    static final class Malformed extends IllegalArgumentException {

        Malformed(String message) {
            super(message);
        }
    }
}
