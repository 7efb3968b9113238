package io.passerelle.integrationservice.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How a source signs its notifications, as its operator configured it (Grafana's contact point: "HMAC Signature"):
 * the secret, sealed ({@code passerelle.secrets.key}, never stored or logged in clear), the header that carries the
 * signature and, when set, the header with the Unix time the signature also covers.
 */
public record SigningSettings(Source source, String secretSealed, String signatureHeader,
        @Nullable String timestampHeader, Instant updatedAt, String updatedBy) {

    /** Grafana's default signature header. */
    public static final String DEFAULT_SIGNATURE_HEADER = "X-Grafana-Alerting-Signature";

    private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    /** @throws IllegalArgumentException for a header name HTTP cannot carry, or the same name twice */
    public SigningSettings {
        header("signatureHeader", signatureHeader);
        if (timestampHeader != null) {
            header("timestampHeader", timestampHeader);
            if (timestampHeader.toLowerCase(Locale.ROOT).equals(signatureHeader.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("timestampHeader must not be the signature header");
            }
        }
    }

    private static void header(String field, String name) {
        if (!HEADER.matcher(name).matches()) {
            throw new IllegalArgumentException(field + " must be an HTTP header name: letters, digits and '-', at"
                    + " most 64");
        }
    }
}
