package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The operator's allow-list for internal targets ({@code passerelle.outbound.allow}): CIDR blocks or addresses
 * ({@code 10.20.0.0/16}, {@code 127.0.0.1}, {@code fd12::/16}) admit the loopback and private addresses they
 * contain; {@code host:port} entries ({@code deployer.internal:8443}, {@code 127.0.0.1:8099}, {@code [::1]:8099})
 * admit the loopback and private addresses that host resolves to, on that port only. Nothing admits link-local,
 * metadata, unspecified, multicast or reserved addresses.
 */
public final class OutboundAllowList {

    private record HostPort(String host, @Nullable InetAddress literal, int port) {
    }

    private final List<Cidr> blocks;
    private final List<HostPort> hostPorts;

    private OutboundAllowList(List<Cidr> blocks, List<HostPort> hostPorts) {
        this.blocks = List.copyOf(blocks);
        this.hostPorts = List.copyOf(hostPorts);
    }

    public static OutboundAllowList none() {
        return new OutboundAllowList(List.of(), List.of());
    }

    /** @throws IllegalArgumentException naming the first entry that is neither a CIDR block nor host:port */
    public static OutboundAllowList parse(List<String> entries) {
        var blocks = new ArrayList<Cidr>();
        var hostPorts = new ArrayList<HostPort>();
        for (var raw : entries) {
            var entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                hostPort(entry).ifPresentOrElse(hostPorts::add, () -> blocks.add(Cidr.parse(entry)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("passerelle.outbound.allow: '" + entry + "' is neither a CIDR block"
                        + " or address (10.0.0.0/8, 127.0.0.1, fd00::/8) nor host:port (deployer.internal:8443): "
                        + e.getMessage());
            }
        }
        return new OutboundAllowList(blocks, hostPorts);
    }

    /** {@code host:port} or {@code [v6]:port}; empty for a CIDR block or a bare address. */
    private static Optional<HostPort> hostPort(String entry) {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf("]:");
            if (close < 0) {
                return Optional.empty();
            }
            host = entry.substring(1, close);
            port = entry.substring(close + 2);
        } else {
            int colon = entry.indexOf(':');
            if (colon < 0 || entry.indexOf(':', colon + 1) >= 0 || entry.indexOf('/') >= 0) {
                return Optional.empty(); // an IPv4 block, or an IPv6 address or block
            }
            host = entry.substring(0, colon);
            port = entry.substring(colon + 1);
        }
        var url = OutboundUrl.parse("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
        return Optional.of(new HostPort(url.host().toLowerCase(Locale.ROOT), url.literal(), url.port()));
    }

    /** Whether the operator admits calling {@code address} (one of {@code url}'s) although it is internal. */
    boolean admits(OutboundUrl url, InetAddress address, @Nullable InetAddress carriedIpv4) {
        for (var block : blocks) {
            if (block.contains(address) || carriedIpv4 != null && block.contains(carriedIpv4)) {
                return true;
            }
        }
        for (var entry : hostPorts) {
            if (entry.port() == url.port() && (entry.literal() != null ? entry.literal().equals(address)
                    || entry.literal().equals(carriedIpv4) : entry.host().equals(url.host()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        var all = new ArrayList<String>();
        blocks.forEach(b -> all.add(b.toString()));
        hostPorts.forEach(h -> all.add(h.host() + ":" + h.port()));
        return String.join(",", all);
    }
}
