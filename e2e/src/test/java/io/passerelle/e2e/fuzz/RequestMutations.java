package io.passerelle.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Mutations of everything around the body: tokens, methods, path values, path tricks, query parameters, the headers
 * the spec declares, Accept, odd and malformed headers, conflicting framing.
 */
final class RequestMutations {

    private RequestMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new Mutation("auth", 2, RequestMutations::auth),
                new Mutation("method", 1.5, RequestMutations::method),
                new Mutation("path.value", 2, RequestMutations::pathValue),
                new Mutation("path.trick", 2, RequestMutations::pathTrick),
                new Mutation("query", 2.5, RequestMutations::query),
                new Mutation("header.declared", 3, RequestMutations::declaredHeader),
                new Mutation("header.accept", 1, RequestMutations::accept),
                new Mutation("header.odd", 2, RequestMutations::oddHeader),
                new Mutation("framing", 1, RequestMutations::framing));
    }

    private static boolean auth(Draft draft, SplittableRandom random) {
        if (!draft.operation.authenticated()) {
            return false;
        }
        var others = new ArrayList<>(Fixture.ROLES);
        others.removeAll(draft.operation.roles());
        int variant = random.nextInt(others.isEmpty() ? 7 : 9);
        var noise = "x".repeat(3000);
        switch (variant) {
            case 0 -> auth(draft, "no Authorization header", token -> null);
            case 1 -> auth(draft, "Bearer and nothing", token -> "Bearer ");
            case 2 -> auth(draft, "a token that is not a JWT", token -> "Bearer not.a.jwt");
            case 3 -> auth(draft, "a token with a forged signature", token -> "Bearer " + token.substring(0, token.length() - 4)
                    + (token.endsWith("AAAA") ? "BBBB" : "AAAA"));
            case 4 -> auth(draft, "Basic credentials", token -> "Basic YWxpY2U6YWxpY2U=");
            case 5 -> auth(draft, "a 3000-character token", token -> "Bearer " + noise);
            case 6 -> auth(draft, "a token with non-ASCII characters", token -> "Bearer jéton.ünïcode.✓");
            default -> {
                draft.role = Fuzz.pick(random, others);
                draft.refused("auth", "the role " + draft.role + ", which the operation does not admit");
            }
        }
        return true;
    }

    private static void auth(Draft draft, String detail, java.util.function.Function<String, String> header) {
        draft.authorization = header::apply;
        draft.refused("auth", detail);
    }

    private static boolean method(Draft draft, SplittableRandom random) {
        var candidates = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        candidates.removeAll(draft.operation.methodsOfPath());
        candidates.addAll(List.of("TRACE", "CONNECT", "FOO", "PROPFIND", "M-SEARCH", "X".repeat(300), "GÉT"));
        for (var declared : draft.operation.methodsOfPath()) {
            candidates.remove(declared);
        }
        candidates.add(candidates.getFirst().toLowerCase(Locale.ROOT));
        draft.method = Fuzz.pick(random, candidates);
        draft.refused("method", Fuzz.printable(draft.method, 40) + " on a path that has " + draft.operation.methodsOfPath());
        return true;
    }

    private static boolean pathValue(Draft draft, SplittableRandom random) {
        var parameters = draft.operation.in("path");
        if (parameters.isEmpty()) {
            return false;
        }
        var parameter = Fuzz.pick(random, parameters);
        var uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        var values = new ArrayList<>(List.of("not-a-uuid", "12345", uuid + "0", uuid.replace("-", ""), "%00", "%FF",
                "%C0%AE%C0%AE", "'%20OR%20'1'='1", "x".repeat(3000), "%E2%80%AE", "%2e%2e", "%252e%252e", "%20", "null", "-1",
                "0x1F", "1-1-1-1-1", "%0d%0aX-Injected:%20yes", "%u0000"));
        // a value the parameter's pattern admits is a good name, not a bad one (PUT /chat-channels/{name} creates it)
        var pattern = parameter.schema().pattern();
        if (pattern != null) {
            var admitted = Pattern.compile(pattern);
            values.removeIf(v -> admitted.matcher(decoded(v)).find());
        }
        if (values.isEmpty()) {
            return false;
        }
        var value = Fuzz.pick(random, values);
        draft.pathValues.put(parameter.name(), value);
        draft.refused("path.value", "{" + parameter.name() + "} ← " + Fuzz.printable(value, 40));
        return true;
    }

    private static boolean pathTrick(Draft draft, SplittableRandom random) {
        record Trick(String name, UnaryOperator<String> change, boolean breaks) {
        }
        int length = Fuzz.pick(random, List.of(5_000, 10_000, 70_000));
        var tricks = List.of(
                new Trick("encoded traversal", p -> p + "/..%2f..%2f..%2factuator%2fenv", true),
                new Trick("encoded traversal to the gateway's actuator", p -> p + "/..%2f..%2f..%2f..%2factuator%2fgateway%2froutes", true),
                new Trick("traversal", p -> p + "/../../../actuator/env", true),
                new Trick("double-encoded traversal", p -> p + "/%252e%252e%252f%252e%252e%252factuator", true),
                new Trick("CR LF, encoded", p -> p + "%0d%0aX-Injected:%20yes", true),
                new Trick("CR LF, raw", p -> p + "\r\nX-Injected: yes", true),
                new Trick("NUL, encoded", p -> p + "%00", true),
                new Trick("long path (" + length + ")", p -> p + "/" + "a".repeat(length), true),
                new Trick("backslashes", p -> p.replace('/', '\\'), true),
                new Trick("raw space", p -> p + " x", true),
                new Trick("raw non-ASCII", p -> p + "/é", true),
                new Trick("bad percent encoding", p -> p + "%zz", true),
                new Trick("overlong slash", p -> p + "%c0%af..%c0%afactuator", true),
                new Trick("asterisk", p -> "*", true),
                new Trick("double slash", p -> "/" + p, false),
                new Trick("trailing slash", p -> p + "/", false),
                new Trick("matrix parameter", p -> p + ";jsessionid=fuzz", false),
                new Trick("upper case", p -> p.toUpperCase(Locale.ROOT), false),
                new Trick("encoded slash", p -> p.replaceFirst("/v1/", "/v1%2f"), false),
                new Trick("dot segments", p -> p.replaceFirst("/v1/", "/v1/./x/../"), false),
                new Trick("absolute form", p -> "http://127.0.0.1:18080" + p, false),
                new Trick("absolute form, another host", p -> "http://evil.example" + p, false),
                new Trick("fragment", p -> p + "#fragment", false));
        var trick = Fuzz.pick(random, tricks);
        draft.target = bytes -> {
            var target = new String(bytes, StandardCharsets.UTF_8);
            int query = target.indexOf('?');
            var path = query < 0 ? target : target.substring(0, query);
            var rest = query < 0 ? "" : target.substring(query);
            return (trick.change().apply(path) + rest).getBytes(StandardCharsets.UTF_8);
        };
        if (trick.breaks()) {
            draft.refused("path.trick", trick.name());
        } else {
            draft.neutral("path.trick", trick.name());
        }
        return true;
    }

    private static boolean query(Draft draft, SplittableRandom random) {
        var declared = draft.operation.in("query");
        if (declared.isEmpty() || random.nextInt(4) == 0) {
            var name = declared.isEmpty() ? "state" : Fuzz.pick(random, declared).name();
            var query = Fuzz.pick(random, List.of(name + "[]=a", name + "=a&" + name + "=b", "fuzz=1", "%00=x", "a=%FF",
                    "x=" + "y".repeat(10_000), name, name + "=", "a=1;b=2", name + "=a%26b", "=x", "&&&", "%zz=1"));
            draft.query.add(query.getBytes(StandardCharsets.UTF_8));
            draft.neutral("query", Fuzz.printable(query, 60));
            return true;
        }
        var parameter = Fuzz.pick(random, declared);
        var schema = parameter.schema();
        var values = new ArrayList<>(List.of("%00", "a%00b", "%FF", "%C3%28", "%C0%80", "%zz"));
        if (!schema.enumValues().isEmpty() || schema.pattern() != null || schema.type().equals("integer")) {
            values.add("%0d%0a");
        }
        if (!schema.enumValues().isEmpty()) {
            var first = String.valueOf(schema.enumValues().getFirst());
            var otherCase = first.toLowerCase(Locale.ROOT).equals(first) ? first.toUpperCase(Locale.ROOT)
                    : first.toLowerCase(Locale.ROOT); // the enum's own case is the valid one
            values.addAll(List.of("BOGUS", otherCase, "%20OPEN"));
            values.removeIf(v -> schema.enumValues().stream().anyMatch(e -> String.valueOf(e).equals(v)));
        }
        if (schema.type().equals("integer")) {
            values.addAll(List.of("abc", "1.5", "-1", "0", "99999999999", "1e3", "0x10", "%2B1%2B"));
            if (schema.number("maximum") != null) {
                values.add(String.valueOf(schema.number("maximum") + 1));
            }
            values.removeIf(v -> isValidInteger(v, schema));
        }
        if (schema.pattern() != null) {
            var pattern = Pattern.compile(schema.pattern());
            for (var candidate : List.of("UPPER", "-x", "a_b", "x".repeat(64), "%C3%A9")) {
                if (!pattern.matcher(java.net.URLDecoder.decode(candidate, StandardCharsets.UTF_8)).find()) {
                    values.add(candidate);
                }
            }
        }
        boolean raw = random.nextInt(5) == 0;
        var value = raw ? new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'} : Fuzz.pick(random, values).getBytes(StandardCharsets.UTF_8);
        draft.query.add(BodyMutations.concat((parameter.name() + "=").getBytes(StandardCharsets.UTF_8), value));
        draft.refused("query", parameter.name() + "=" + Fuzz.printable(value, 40) + (raw ? " (raw bytes)" : ""));
        return true;
    }

    private static boolean isValidInteger(String value, Schema schema) {
        try {
            long n = Long.parseLong(value);
            var min = schema.number("minimum");
            var max = schema.number("maximum");
            return (min == null || n >= min) && (max == null || n <= max) && n <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean declaredHeader(Draft draft, SplittableRandom random) {
        var declared = draft.operation.in("header");
        if (declared.isEmpty()) {
            return false;
        }
        var parameter = Fuzz.pick(random, declared);
        var schema = parameter.schema();
        var max = schema.integer("maxLength");
        record Value(byte[] bytes, boolean breaks) {
        }
        var values = new ArrayList<Value>();
        for (var text : List.of("wörkflow_run", "ワークフロー", "workflow_run\u00A0")) {
            values.add(new Value(text.getBytes(StandardCharsets.UTF_8), true));
        }
        values.add(new Value(new byte[] {'w', (byte) 0xFF, (byte) 0xFE, 'x'}, true));
        values.add(new Value(new byte[] {'w', (byte) 0x80}, true));
        values.add(new Value(new byte[0], parameter.required() || schema.integer("minLength") != null));
        values.add(new Value("x".repeat(8_000).getBytes(StandardCharsets.US_ASCII), max != null && max < 8_000));
        values.add(new Value("%00".getBytes(StandardCharsets.US_ASCII), schema.pattern() != null));
        if (max != null) {
            values.add(new Value("d".repeat(max + 1).getBytes(StandardCharsets.US_ASCII), true));
        }
        if (schema.pattern() != null) {
            var pattern = Pattern.compile(schema.pattern());
            for (var text : List.of("sha1=" + "0".repeat(40), "sha256=" + "A".repeat(64), "sha256=")) {
                values.add(new Value(text.getBytes(StandardCharsets.US_ASCII), !pattern.matcher(text).find()));
            }
        }
        if (parameter.required() && random.nextInt(values.size() + 1) == 0) {
            draft.header(parameter.name(), null);
            draft.refused("header.declared", "no " + parameter.name());
            return true;
        }
        var value = Fuzz.pick(random, values);
        draft.standard.put(parameter.name(), value.bytes());
        var detail = parameter.name() + ": " + Fuzz.printable(value.bytes(), 40);
        if (value.breaks()) {
            draft.refused("header.declared", detail);
        } else {
            draft.neutral("header.declared", detail);
        }
        return true;
    }

    private static boolean accept(Draft draft, SplittableRandom random) {
        var value = Fuzz.pick(random, List.of("garbage", "text/html", "application/xml", "image/*", "*/*;q=abc", "",
                "application/json;q=0", "text/html, application/json;q=0", "a/" + "b".repeat(4_000), "text/*",
                "application/problem+json", "application/json; charset=latin1", "*/*, ünïcode/x"));
        draft.header("Accept", value);
        draft.neutral("header.accept", "\"" + Fuzz.printable(value, 40) + "\"");
        return true;
    }

    private static boolean oddHeader(Draft draft, SplittableRandom random) {
        record Odd(String name, byte[][] lines, boolean breaks) {
        }
        var many = new byte[100][];
        for (int i = 0; i < many.length; i++) {
            many[i] = ("X-Fuzz-" + i + ": " + i).getBytes(StandardCharsets.US_ASCII);
        }
        var block = new byte[80][];
        for (int i = 0; i < block.length; i++) {
            block[i] = ("X-Fuzz-" + i + ": " + "v".repeat(1_000)).getBytes(StandardCharsets.US_ASCII);
        }
        var odds = List.of(
                new Odd("UTF-8 value", lines("X-Fuzz: ünïcødé ✓"), false),
                new Odd("obs-text bytes", new byte[][] {bytes("X-Fuzz: ", (byte) 0xFF, (byte) 0xFE, (byte) 0x80)}, false),
                new Odd("6 KB value", lines("X-Fuzz: " + "v".repeat(6_000)), false),
                new Odd("100 headers", many, false),
                new Odd("forwarding headers", lines("X-Forwarded-For: ' OR 1=1 --, ::1, 999.1.1.1",
                        "X-Forwarded-Host: evil.example", "Forwarded: for=\"[::1]\";host=evil.example", "X-Real-IP: 0"), false),
                new Odd("foreign Origin", lines("Origin: http://evil.example"), false),
                new Odd("another Host", lines(), false),
                new Odd("NUL byte in a value", new byte[][] {bytes("X-Fuzz: a", (byte) 0, (byte) 'b')}, true),
                new Odd("bare CR in a value", new byte[][] {bytes("X-Fuzz: a", (byte) '\r', (byte) 'b')}, true),
                new Odd("space in a name", lines("X Fuzz: a"), true),
                new Odd("non-ASCII name", lines("X-Füzz: a"), true),
                new Odd("line without colon", lines("XFuzz"), true),
                new Odd("obs-fold", lines("X-Fuzz: a", " folded"), false),
                new Odd("80 KB of headers", block, true),
                new Odd("one 70 KB header", lines("X-Fuzz: " + "v".repeat(70_000)), true),
                new Odd("no Host", lines(), true),
                new Odd("two Hosts", lines("Host: evil.example"), true),
                new Odd("empty name", lines(": a"), true));
        var odd = Fuzz.pick(random, odds);
        for (var line : odd.lines()) {
            draft.rawHeader(line);
        }
        if (odd.name().equals("another Host")) {
            draft.header("Host", "evil.example");
        }
        if (odd.name().equals("no Host")) {
            draft.header("Host", null);
        }
        if (odd.breaks()) {
            draft.refused("header.odd", odd.name());
        } else {
            draft.neutral("header.odd", odd.name());
        }
        return true;
    }

    private static boolean framing(Draft draft, SplittableRandom random) {
        if (draft.json == null && draft.rawBody == null) {
            return false;
        }
        var framings = List.of(Draft.Framing.LENGTH_AND_CHUNKED, Draft.Framing.TWO_LENGTHS, Draft.Framing.LENGTH_NOT_A_NUMBER,
                Draft.Framing.NEGATIVE_LENGTH, Draft.Framing.SHORT_LENGTH, Draft.Framing.BAD_CHUNK_SIZE,
                Draft.Framing.GZIP_CHUNKED);
        draft.framing = Fuzz.pick(random, framings);
        draft.neutral("framing", draft.framing.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return true;
    }

    private static byte[][] lines(String... lines) {
        var result = new byte[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            result[i] = lines[i].getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }

    private static byte[] bytes(String prefix, byte... tail) {
        return BodyMutations.concat(prefix.getBytes(StandardCharsets.UTF_8), tail);
    }

    private static String decoded(String value) {
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // not decodable (%u0000): no pattern of ours admits it as it stands
        }
    }
}
