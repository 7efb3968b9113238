package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * IP address literals, read strictly and without any name lookup: IPv4 only as four decimal numbers without leading
 * zeros, IPv6 only in the textual forms of RFC 4291 (no zone id). Other numeric spellings ({@code 0xA9FEA9FE},
 * {@code 2852039166}, {@code 0251.0376.0251.0376}, {@code 169.254.43518}) are read differently by different HTTP
 * clients and resolvers, so they are never taken for an address, nor for a name.
 */
final class Literals {

    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + ")(\\.(" + OCTET + ")){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]*");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private Literals() {
    }

    /** {@code text} as an address: a canonical IPv4 literal, or an IPv6 literal with or without brackets. */
    static Optional<InetAddress> address(String text) {
        return bytes(text).map(Literals::address);
    }

    /**
     * The address's bytes: 4 for IPv4, 16 for IPv6 (an IPv4-mapped IPv6 literal stays 16 bytes here, while
     * {@link InetAddress} turns it into its IPv4 address).
     */
    static Optional<byte[]> bytes(String text) {
        var inner = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(inner).matches()) {
            return Optional.of(ipv4(inner));
        }
        if (inner.indexOf(':') >= 0 && IPV6.matcher(inner).matches()) {
            return ipv6(inner);
        }
        return Optional.empty();
    }

    private static byte[] ipv4(String dotted) {
        var parts = dotted.split("\\.");
        var bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** RFC 4291 section 2.2: eight groups of 1 to 4 hex digits, one "::" at most, an IPv4 dotted quad last. */
    private static Optional<byte[]> ipv6(String text) {
        var bytes = new byte[16];
        var groups = text;
        int lastColon = text.lastIndexOf(':');
        var last = text.substring(lastColon + 1);
        if (last.indexOf('.') >= 0) {
            if (!IPV4.matcher(last).matches()) {
                return Optional.empty();
            }
            System.arraycopy(ipv4(last), 0, bytes, 12, 4);
            groups = text.substring(0, lastColon + 1) + "0:0";
        }
        int gap = groups.indexOf("::");
        if (gap >= 0 && groups.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        var head = gap < 0 ? hexGroups(groups) : hexGroups(groups.substring(0, gap));
        var tail = gap < 0 ? new int[0] : hexGroups(groups.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 ? head.length != 8 : head.length + tail.length > 7)) {
            return Optional.empty();
        }
        var words = new int[8];
        System.arraycopy(head, 0, words, 0, head.length);
        System.arraycopy(tail, 0, words, 8 - tail.length, tail.length);
        for (int i = 0; i < 8; i++) {
            if (i < 6 || last.indexOf('.') < 0) {
                bytes[2 * i] = (byte) (words[i] >> 8);
                bytes[2 * i + 1] = (byte) words[i];
            }
        }
        return Optional.of(bytes);
    }

    /** "a:b:c" as numbers; an empty text is no group; null when a group is empty or not 1 to 4 hex digits. */
    private static int @Nullable [] hexGroups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        var parts = text.split(":", -1);
        var words = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!HEX_GROUP.matcher(parts[i]).matches()) {
                return null;
            }
            words[i] = Integer.parseInt(parts[i], 16);
        }
        return words;
    }

    /** An address as people write it: IPv4 dotted, IPv6 in the compressed form of RFC 5952 ({@code ::1}). */
    static String text(InetAddress address) {
        var bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        var words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(words[i]));
        }
        return text.toString();
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    static boolean isCanonicalIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && IPV6.matcher(text).matches() && address(text).isPresent();
    }

    /**
     * Whether a host "ends in a number" (WHATWG URL): its last label is decimal digits or {@code 0x} and hex digits.
     * Such a host is an IPv4 address to browsers and to inet_aton, never a DNS name.
     */
    static boolean endsInNumber(String host) {
        var trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        var last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return !last.isEmpty() && (DIGITS.matcher(last).matches() || HEX.matcher(last).matches());
    }

}
