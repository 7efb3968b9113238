package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.util.Arrays;

/** An address block, IPv4 or IPv6 ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is a block of one. */
record Cidr(byte[] network, int prefix, String text) {

    Cidr {
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit an address of "
                    + network.length * 8 + " bits");
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not an address literal, optionally with a prefix */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        var bytes = Literals.bytes(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            var digits = text.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
            prefix = Integer.parseInt(digits);
        }
        return new Cidr(bytes, prefix, text);
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefix == prefix && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
