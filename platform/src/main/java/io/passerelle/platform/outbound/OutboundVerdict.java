package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.util.List;

/** What the guard says about a URL. Reasons read after the URL or the field that holds it. */
public sealed interface OutboundVerdict {

    /**
     * May be called, at one of these addresses and no other: they are what the name resolved to when it was
     * checked, so the caller connects to them (pins them) instead of resolving the name again.
     */
    record Admitted(OutboundUrl url, List<InetAddress> addresses) implements OutboundVerdict {
    }

    /** Not a URL Passerelle calls, whatever it resolves to (scheme, user information, an ambiguous host, …). */
    record Malformed(String reason) implements OutboundVerdict {
    }

    /** Aimed at an address Passerelle never calls, or at an internal one the operator has not allowed. */
    record Forbidden(String reason) implements OutboundVerdict {
    }

    /** The name does not resolve now; it may later (it will be checked again then). */
    record Unresolved(OutboundUrl url, String reason) implements OutboundVerdict {
    }
}
