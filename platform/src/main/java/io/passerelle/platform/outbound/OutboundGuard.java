package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.passerelle.platform.outbound.AddressRules.Kind;

/**
 * Decides whether Passerelle may call a URL: read strictly ({@link OutboundUrl}), its host resolved, and refused if
 * ANY address it resolves to is link-local, a cloud metadata address, unspecified, multicast or reserved (always),
 * or loopback or private (unless the operator's {@link OutboundAllowList} admits it); names of metadata services
 * ({@code metadata.google.internal}, {@code metadata}, {@code instance-data…}) are refused before any lookup. Check
 * when a URL is registered and again at every call, and connect only to the addresses an {@code Admitted} verdict
 * names: a name that resolves elsewhere between the check and the connection is never followed.
 */
public final class OutboundGuard {

    private static final Set<String> METADATA_NAMES = Set.of("metadata", "instance-data");
    private static final String NEVER = "Passerelle never calls link-local, metadata, unspecified, multicast or"
            + " reserved addresses";
    private static final String UNLESS_ALLOWED = "internal addresses are called only when the operator allows them"
            + " (passerelle.outbound.allow)";

    private final OutboundAllowList allowList;
    private final HostResolver resolver;

    public OutboundGuard(OutboundAllowList allowList, HostResolver resolver) {
        this.allowList = allowList;
        this.resolver = resolver;
    }

    /** Reads the URL, resolves its host and judges every address. */
    public OutboundVerdict check(String url) {
        var decided = checkWithoutResolving(url);
        if (decided.isPresent()) {
            return decided.get();
        }
        var parsed = OutboundUrl.parse(url);
        if (parsed.literal() != null) {
            return new OutboundVerdict.Admitted(parsed, List.of(parsed.literal()));
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(parsed.host()));
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            return new OutboundVerdict.Unresolved(parsed, parsed.host() + " does not resolve");
        }
        for (var address : addresses) {
            var refused = refusal(parsed, address, parsed.host() + " resolves to " + Literals.text(address) + ", ");
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return new OutboundVerdict.Admitted(parsed, addresses);
    }

    /**
     * What can be decided from the text alone: a malformed URL, a metadata name, an IP literal's address. Empty
     * when the URL names a host that must be resolved (or an admitted literal).
     */
    public Optional<OutboundVerdict> checkWithoutResolving(String url) {
        OutboundUrl parsed;
        try {
            parsed = OutboundUrl.parse(url);
        } catch (OutboundUrl.Malformed e) {
            return Optional.of(new OutboundVerdict.Malformed(e.getMessage()));
        }
        if (parsed.literal() != null) {
            return refusal(parsed, parsed.literal(), parsed.host() + " is ");
        }
        var firstLabel = parsed.host().split("\\.", 2)[0];
        if (METADATA_NAMES.contains(firstLabel) || firstLabel.startsWith("instance-data")) {
            return Optional.of(new OutboundVerdict.Forbidden(parsed.host() + " names a cloud metadata service: "
                    + NEVER));
        }
        return Optional.empty();
    }

    private Optional<OutboundVerdict> refusal(OutboundUrl url, InetAddress address, String subject) {
        var classified = AddressRules.classify(address);
        if (classified.kind().neverCalled()) {
            return Optional.of(new OutboundVerdict.Forbidden(subject + classified.what() + ": " + NEVER));
        }
        if (classified.kind() != Kind.PUBLIC && !allowList.admits(url, address, classified.carriedIpv4())) {
            return Optional.of(new OutboundVerdict.Forbidden(subject + classified.what() + ": " + UNLESS_ALLOWED));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "OutboundGuard[allow=" + allowList + "]";
    }
}
