package io.passerelle.e2e.fuzz;

import java.util.HexFormat;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/** Shared bits of the fuzzer: the JSON mapper, seeding, and printing bytes so that a finding can be read. */
final class Fuzz {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Fuzz() {
    }

    /** The random source of request {@code index} of a run: the same seed and index give the same request. */
    static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    static String hex(SplittableRandom random, int bytes) {
        var value = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(value);
    }

    static <T> T pick(SplittableRandom random, java.util.List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Printable ASCII as is, other bytes as \xNN, and runs longer than {@code max} cut in the middle. */
    static String printable(byte[] bytes, int max) {
        int half = max / 2;
        if (bytes.length <= max) {
            return escape(bytes, 0, bytes.length);
        }
        return escape(bytes, 0, half) + "…(" + bytes.length + " bytes)…" + escape(bytes, bytes.length - half, bytes.length);
    }

    static String printable(String text, int max) {
        return printable(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), max);
    }

    private static String escape(byte[] bytes, int from, int to) {
        var text = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02X", c));
            }
        }
        return text.toString();
    }

    /** Text as is but for control characters and lone surrogates (as unicode escapes), cut after {@code max} characters. */
    static String readable(String text, int max) {
        var shown = new StringBuilder();
        text.codePoints().limit(max + 1L).forEach(c -> {
            if (c < 0x20 || c == 0x7F || Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > max ? shown.substring(0, Math.min(shown.length(), max)) + "…" : shown.toString();
    }
}
