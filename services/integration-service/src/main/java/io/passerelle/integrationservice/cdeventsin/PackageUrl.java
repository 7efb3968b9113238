package io.passerelle.integrationservice.cdeventsin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The name and version of a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), as CDEvents'
 * {@code artifactId} names what was deployed ({@code pkg:oci/payments@sha256%3A…}, {@code pkg:generic/payments@1.4.2},
 * as Passerelle's CDEvents out write it). Both percent-decoded.
 */
record PackageUrl(String name, String version) {

    static Optional<PackageUrl> parse(String purl) {
        if (!purl.startsWith("pkg:")) {
            return Optional.empty();
        }
        var end = purl.length();
        for (var stop : new char[] {'?', '#'}) {
            var at = purl.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        var path = purl.substring("pkg:".length(), end);
        var at = path.lastIndexOf('@');
        var slash = path.lastIndexOf('/', at < 0 ? path.length() - 1 : at);
        if (at < 0 || slash < 0 || slash + 1 >= at || at + 1 >= path.length()) {
            return Optional.empty();
        }
        return Optional.of(new PackageUrl(decode(path.substring(slash + 1, at)), decode(path.substring(at + 1))));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
