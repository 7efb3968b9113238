package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * What an address is, for an outbound call: the special-purpose blocks of RFC 6890 and the cloud metadata
 * addresses, and the IPv6 forms that carry an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo),
 * which are judged by the IPv4 address they carry.
 */
final class AddressRules {

    enum Kind {
        METADATA, UNSPECIFIED, LINK_LOCAL, MULTICAST, RESERVED, LOOPBACK, PRIVATE, PUBLIC;

        /** Link-local, metadata, unspecified, multicast, reserved: refused whatever the allow-list says. */
        boolean neverCalled() {
            return this != LOOPBACK && this != PRIVATE && this != PUBLIC;
        }
    }

    /** @param what how a refusal names it, e.g. "link-local (169.254.0.0/16)" */
    record Classification(Kind kind, String what, @Nullable InetAddress carriedIpv4) {
    }

    private record Range(Cidr cidr, Kind kind, String name) {
    }

    private record Embedding(Cidr cidr, String form, UnaryOperator<byte[]> ipv4) {
    }

    /** Checked before the embeddings: single addresses that would otherwise fall in a broader block. */
    private static final List<Range> EXACT = List.of(
            range("169.254.169.254/32", Kind.METADATA, "the cloud metadata address (AWS, GCP, Azure, OCI, …)"),
            range("169.254.170.2/32", Kind.METADATA, "the container metadata address (AWS ECS)"),
            range("100.100.100.200/32", Kind.METADATA, "the cloud metadata address (Alibaba Cloud)"),
            range("fd00:ec2::254/128", Kind.METADATA, "the cloud metadata address (AWS, IPv6)"),
            range("::/128", Kind.UNSPECIFIED, "the unspecified address"),
            range("::1/128", Kind.LOOPBACK, "loopback (::1)"));

    private static final List<Embedding> EMBEDDINGS = List.of(
            embedding("::ffff:0:0/96", "IPv4-mapped", b -> slice(b, 12)),
            embedding("::ffff:0:0:0/96", "IPv4-translated", b -> slice(b, 12)),
            embedding("::/96", "IPv4-compatible", b -> slice(b, 12)),
            embedding("64:ff9b::/96", "NAT64", b -> slice(b, 12)),
            embedding("2002::/16", "6to4", b -> slice(b, 2)),
            embedding("2001::/32", "Teredo", b -> {
                var client = slice(b, 12);
                for (int i = 0; i < 4; i++) {
                    client[i] = (byte) ~client[i];
                }
                return client;
            }));

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", Kind.UNSPECIFIED, "in 'this network' (0.0.0.0/8; 0.0.0.0 reaches the local host)"),
            range("127.0.0.0/8", Kind.LOOPBACK, "loopback (127.0.0.0/8)"),
            range("169.254.0.0/16", Kind.LINK_LOCAL, "link-local (169.254.0.0/16, where cloud metadata answers)"),
            range("fe80::/10", Kind.LINK_LOCAL, "link-local (fe80::/10)"),
            range("224.0.0.0/4", Kind.MULTICAST, "multicast (224.0.0.0/4)"),
            range("ff00::/8", Kind.MULTICAST, "multicast (ff00::/8)"),
            range("240.0.0.0/4", Kind.RESERVED, "reserved (240.0.0.0/4, broadcast included)"),
            range("100::/64", Kind.RESERVED, "discard-only (100::/64)"),
            range("10.0.0.0/8", Kind.PRIVATE, "private (10.0.0.0/8)"),
            range("172.16.0.0/12", Kind.PRIVATE, "private (172.16.0.0/12)"),
            range("192.168.0.0/16", Kind.PRIVATE, "private (192.168.0.0/16)"),
            range("100.64.0.0/10", Kind.PRIVATE, "shared address space (100.64.0.0/10, carrier-grade NAT)"),
            range("192.0.0.0/24", Kind.PRIVATE, "reserved for IETF protocols (192.0.0.0/24)"),
            range("198.18.0.0/15", Kind.PRIVATE, "reserved for benchmarking (198.18.0.0/15)"),
            range("fc00::/7", Kind.PRIVATE, "unique local (fc00::/7)"),
            range("fec0::/10", Kind.PRIVATE, "site-local (fec0::/10)"),
            range("64:ff9b:1::/48", Kind.PRIVATE, "local-use NAT64 (64:ff9b:1::/48)"));

    private AddressRules() {
    }

    static Classification classify(InetAddress address) {
        var bytes = address.getAddress();
        for (var range : EXACT) {
            if (range.cidr().contains(bytes)) {
                return new Classification(range.kind(), range.name(), null);
            }
        }
        for (var embedding : EMBEDDINGS) {
            if (embedding.cidr().contains(bytes)) {
                var ipv4 = ipv4(embedding.ipv4().apply(bytes));
                var carried = classify(ipv4);
                var what = "the " + embedding.form() + " form (" + embedding.cidr() + ") of " + Literals.text(ipv4)
                        + (carried.kind() == Kind.PUBLIC ? "" : ", " + carried.what());
                return new Classification(carried.kind(), what, ipv4);
            }
        }
        for (var range : RANGES) {
            if (range.cidr().contains(bytes)) {
                return new Classification(range.kind(), range.name(), null);
            }
        }
        return new Classification(Kind.PUBLIC, "a public address", null);
    }

    private static Range range(String cidr, Kind kind, String name) {
        return new Range(Cidr.parse(cidr), kind, name);
    }

    private static Embedding embedding(String cidr, String form, UnaryOperator<byte[]> ipv4) {
        return new Embedding(Cidr.parse(cidr), form, ipv4);
    }

    private static byte[] slice(byte[] bytes, int from) {
        var ipv4 = new byte[4];
        System.arraycopy(bytes, from, ipv4, 0, 4);
        return ipv4;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }
}
