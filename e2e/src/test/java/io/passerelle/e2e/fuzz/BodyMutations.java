package io.passerelle.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutations of the request body, driven by its schema: wrong JSON types, null, missing required and unknown fields,
 * lengths, patterns, enums, ranges and formats the schema forbids, NUL and invalid UTF-8, huge and deeply nested
 * values, broken syntax, bodies over the size limit, content types.
 */
final class BodyMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "\uE000FUZZ\uE001";

    private BodyMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new Mutation("body.wrong-type", 3, BodyMutations::wrongType),
                new Mutation("body.null", 1, BodyMutations::nullValue),
                new Mutation("body.missing-required", 2, BodyMutations::missingRequired),
                new Mutation("body.unknown-field", 2, BodyMutations::unknownField),
                new Mutation("body.length", 2, BodyMutations::length),
                new Mutation("body.pattern", 1, BodyMutations::pattern),
                new Mutation("body.enum", 1, BodyMutations::enumeration),
                new Mutation("body.range", 1, BodyMutations::range),
                new Mutation("body.format", 1, BodyMutations::format),
                new Mutation("body.nul", 3, BodyMutations::nul),
                new Mutation("body.invalid-utf8", 2, BodyMutations::invalidUtf8),
                new Mutation("body.huge", 1, BodyMutations::huge),
                new Mutation("body.deep", 1, BodyMutations::deep),
                new Mutation("body.array-size", 1, BodyMutations::arraySize),
                new Mutation("body.syntax", 2, BodyMutations::syntax),
                new Mutation("body.oversize", 0.5, BodyMutations::oversize),
                new Mutation("body.content-type", 1, BodyMutations::contentType),
                new Mutation("body.unexpected", 1, BodyMutations::unexpected));
    }

    // ---- the mutations

    private static boolean wrongType(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> !s.schema().type().isEmpty());
        if (site == null) {
            return false;
        }
        var replacement = Fuzz.pick(random, switch (site.schema().type()) {
            case "string" -> List.<JsonNode>of(NODES.numberNode(123), NODES.numberNode(-1.5), NODES.booleanNode(true),
                    NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add("x"), NODES.objectNode().put("value", "x"));
            case "integer" -> List.<JsonNode>of(NODES.stringNode("1"), NODES.stringNode("one"), NODES.booleanNode(true),
                    NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add(1));
            case "number" -> List.<JsonNode>of(NODES.stringNode("0.5"), NODES.booleanNode(false), NODES.arrayNode(),
                    NODES.objectNode());
            case "boolean" -> List.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(1), NODES.stringNode("true"),
                    NODES.stringNode("false"), NODES.stringNode("yes"), NODES.arrayNode(), NODES.objectNode());
            case "array" -> List.<JsonNode>of(NODES.objectNode(), NODES.stringNode("x"), NODES.numberNode(1),
                    NODES.booleanNode(true));
            default -> List.<JsonNode>of(NODES.arrayNode(), NODES.stringNode("x"), NODES.numberNode(1),
                    NODES.booleanNode(true), NODES.arrayNode().add(site.value().deepCopy()));
        });
        draft.json = Json.set(draft.json, site.path(), replacement);
        violate(draft, site, "body.wrong-type", site.pointer() + " ← " + replacement, true);
        return true;
    }

    private static boolean nullValue(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> !s.schema().nullable());
        if (site == null) {
            return false;
        }
        draft.json = Json.set(draft.json, site.path(), null);
        if (site.required() && (!site.path().isEmpty() || draft.operation.bodyRequired())) {
            violate(draft, site, "body.null", site.pointer() + " ← null (required)", true);
        } else {
            draft.neutral("body.null", site.pointer() + " ← null (optional)");
        }
        return true;
    }

    private static boolean missingRequired(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value() instanceof ObjectNode o && s.schema().required().stream().anyMatch(o::has));
        if (site == null) {
            return false;
        }
        var present = site.schema().required().stream().filter(site.value()::has).toList();
        var name = Fuzz.pick(random, present);
        ((ObjectNode) site.value()).remove(name);
        violate(draft, site, "body.missing-required", site.pointer() + " without " + name, true);
        return true;
    }

    private static boolean unknownField(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value() instanceof ObjectNode && s.schema().type().equals("object"));
        if (site == null) {
            return false;
        }
        var object = (ObjectNode) site.value();
        var names = new ArrayList<>(List.of("owner", "id", "state", "createdBy", "__proto__", "constructor", "$where",
                "toString", "", " ", "ünïcødé", "x".repeat(300), "approvals"));
        object.propertyNames().forEach(existing -> {
            names.add(existing.toUpperCase(Locale.ROOT));
            names.add(existing + " ");
        });
        names.removeIf(object::has);
        var name = Fuzz.pick(random, names);
        if (site.schema().closed()) {
            object.set(name, Fuzz.pick(random, List.<JsonNode>of(NODES.stringNode("x"), NODES.numberNode(1), NODES.nullNode(),
                    NODES.objectNode(), NODES.arrayNode(), NODES.booleanNode(true))));
            violate(draft, site, "body.unknown-field", site.pointer() + " + \"" + Fuzz.printable(name, 40) + "\"", false);
        } else {
            object.put(name, "x");
            draft.neutral("body.unknown-field", site.pointer() + " + \"" + Fuzz.printable(name, 40) + "\" (tolerated)");
        }
        return true;
    }

    private static boolean length(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.schema().type().equals("string")
                && (s.schema().integer("maxLength") != null || minLength(s) > 0));
        if (site == null) {
            return false;
        }
        var max = site.schema().integer("maxLength");
        String value;
        String detail;
        if (max != null && (minLength(site) == 0 || random.nextBoolean())) {
            int length = Fuzz.pick(random, List.of(max + 1, max + 1, max * 2 + 7, 100_000));
            var unit = random.nextBoolean() ? "x" : "é";
            value = unit.repeat(Math.max(length, max + 1));
            detail = site.pointer() + " ← " + value.length() + " × '" + unit + "' (maxLength " + max + ")";
        } else {
            value = "x".repeat(minLength(site) - 1);
            detail = site.pointer() + " ← " + value.length() + " chars (minLength " + minLength(site) + ")";
        }
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        violate(draft, site, "body.length", detail, true);
        return true;
    }

    private static boolean pattern(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.schema().pattern() != null && s.schema().enumValues().isEmpty());
        if (site == null) {
            return false;
        }
        var pattern = Pattern.compile(site.schema().pattern());
        var candidates = new ArrayList<>(List.of("", " ", "UPPER", "-x", "x_y", "a b", "a/b/c", "é", "a\nb", "x".repeat(64),
                "x".repeat(300), "../etc", "a;b", "?", "ftp://example.org/x", "sha1=00"));
        candidates.removeIf(c -> pattern.matcher(c).find());
        var value = Fuzz.pick(random, candidates);
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        violate(draft, site, "body.pattern", site.pointer() + " ← \"" + Fuzz.printable(value, 40) + "\" (pattern "
                + site.schema().pattern() + ")", false);
        return true;
    }

    private static boolean enumeration(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> !s.schema().enumValues().isEmpty() && s.value().isString());
        if (site == null) {
            return false;
        }
        var valid = site.schema().enumValues().stream().map(String::valueOf).toList();
        var current = site.value().asString();
        var candidates = new ArrayList<>(List.of("BOGUS", current.toLowerCase(Locale.ROOT), current + " ", " " + current, "",
                current + current, current.toLowerCase(Locale.ROOT).replace('_', '-')));
        candidates.removeIf(valid::contains);
        var value = Fuzz.pick(random, candidates);
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        violate(draft, site, "body.enum", site.pointer() + " ← \"" + value + "\" (not in " + valid + ")", false);
        return true;
    }

    private static boolean range(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.schema().type().equals("integer") || s.schema().type().equals("number")
                || s.schema().constant() != null);
        if (site == null) {
            return false;
        }
        var schema = site.schema();
        if (schema.constant() != null) {
            var constant = String.valueOf(schema.constant());
            var value = Fuzz.pick(random, List.of("5", "", constant + " ", "0" + constant));
            draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
            violate(draft, site, "body.range", site.pointer() + " ← \"" + value + "\" (const " + constant + ")", true);
            return true;
        }
        record Variant(String raw, boolean breaks) {
        }
        boolean integer = schema.type().equals("integer");
        boolean bounded = "int32".equals(schema.format()) || "int64".equals(schema.format()) || "double".equals(schema.format());
        var variants = new ArrayList<Variant>();
        if (schema.number("minimum") != null) {
            variants.add(new Variant(String.valueOf(schema.number("minimum") - 1), true));
        }
        if (schema.number("maximum") != null) {
            variants.add(new Variant(String.valueOf(schema.number("maximum") + 1), true));
        }
        if (integer) {
            variants.add(new Variant("1.5", true));
            variants.add(new Variant("2147483648", "int32".equals(schema.format())));
            variants.add(new Variant("-9223372036854775809", bounded));
        }
        variants.add(new Variant("1e400", bounded));
        variants.add(new Variant("123456789012345678901234567890", bounded));
        variants.add(new Variant("-" + "9".repeat(2000), bounded));
        var variant = Fuzz.pick(random, variants);
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(MARKER));
        draft.bodyBytes = splice('"' + MARKER + '"', variant.raw().getBytes(StandardCharsets.US_ASCII));
        var detail = site.pointer() + " ← " + Fuzz.printable(variant.raw(), 40);
        if (variant.breaks()) {
            violate(draft, site, "body.range", detail, false);
        } else {
            draft.neutral("body.range", detail + " (no bound in the spec)");
        }
        return true;
    }

    private static boolean format(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value().isString() && s.schema().format() != null);
        if (site == null) {
            return false;
        }
        var uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        var value = Fuzz.pick(random, switch (site.schema().format()) {
            case "uuid" -> List.of("not-a-uuid", "", "12345", uuid + "0", uuid.replace("-", ""),
                    "00000000-0000-0000-0000-00000000000G", "1-1-1-1-1");
            case "date-time" -> List.of("", "0", "yesterday", "2024-13-45T25:61:61Z", "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "2024-01-01", "2024-01-01T00:00:00", "2024-02-30T00:00:00Z",
                    "1970-01-01T00:00:00+25:00", "9".repeat(40));
            default -> List.of("not a uri", "http://exa mple.org", "::", "");
        });
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        violate(draft, site, "body.format", site.pointer() + " ← \"" + Fuzz.printable(value, 40) + "\" (format "
                + site.schema().format() + ")", false);
        return true;
    }

    private static boolean nul(Draft draft, SplittableRandom random) {
        if (random.nextInt(5) == 0) {
            var object = site(draft, random, s -> s.value() instanceof ObjectNode);
            if (object == null) {
                return false;
            }
            ((ObjectNode) object.value()).put("na\u0000me", "x");
            violate(draft, object, "body.nul", object.pointer() + " + a field named \"na\\u0000me\"", true);
            return true;
        }
        var site = site(draft, random, s -> s.value().isString());
        if (site == null) {
            return false;
        }
        var current = site.value().asString();
        int at = random.nextInt(current.length() + 1);
        var value = Fuzz.pick(random, List.of(current.substring(0, at) + "\u0000" + current.substring(at), "\u0000",
                current + "\u0000\u0000"));
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        violate(draft, site, "body.nul", site.pointer() + " ← \"" + Fuzz.printable(value, 40) + "\"", true);
        return true;
    }

    private static boolean invalidUtf8(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value().isString());
        if (site == null) {
            return false;
        }
        var current = site.value().asString();
        int at = random.nextInt(current.length() + 1);
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(current.substring(0, at) + MARKER + current.substring(at)));
        if (random.nextInt(6) == 0) { // valid UTF-8 and valid JSON, but no Unicode character
            draft.bodyBytes = splice(MARKER, "\\ud800".getBytes(StandardCharsets.US_ASCII));
            draft.neutral("body.invalid-utf8", site.pointer() + " ← a lone surrogate escape \\ud800");
            return true;
        }
        var bytes = Fuzz.pick(random, List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFE, (byte) 0xFF}));
        draft.bodyBytes = splice(MARKER, bytes);
        violate(draft, site, "body.invalid-utf8", site.pointer() + " ← bytes " + Fuzz.printable(bytes, 40), true);
        return true;
    }

    private static boolean huge(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value().isString());
        if (site == null) {
            return false;
        }
        var value = random.nextBoolean() ? "x".repeat(Fuzz.pick(random, List.of(20_000, 100_000, 900_000)))
                : "é".repeat(Fuzz.pick(random, List.of(20_000, 100_000, 450_000)));
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(value));
        var detail = site.pointer() + " ← " + value.length() + " chars";
        if (site.schema().integer("maxLength") != null) {
            violate(draft, site, "body.huge", detail + " (maxLength " + site.schema().integer("maxLength") + ")", true);
        } else {
            draft.neutral("body.huge", detail + " (no maxLength in the spec)");
        }
        return true;
    }

    private static boolean deep(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> !s.schema().type().isEmpty());
        if (site == null) {
            return false;
        }
        int depth = Fuzz.pick(random, List.of(64, 256, 1_000, 10_000, 100_000));
        boolean arrays = random.nextBoolean();
        var raw = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode(MARKER));
        draft.bodyBytes = splice('"' + MARKER + '"', raw.getBytes(StandardCharsets.US_ASCII));
        violate(draft, site, "body.deep", site.pointer() + " ← " + depth + " nested " + (arrays ? "arrays" : "objects"), true);
        return true;
    }

    private static boolean arraySize(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value() instanceof ArrayNode a && !a.isEmpty());
        if (site == null) {
            return false;
        }
        var array = (ArrayNode) site.value();
        var max = site.schema().integer("maxItems");
        int min = site.schema().integer("minItems") == null ? 0 : site.schema().integer("minItems");
        if (min > 0 && random.nextInt(3) == 0) {
            array.removeAll();
            violate(draft, site, "body.array-size", site.pointer() + " ← [] (minItems " + min + ")", false);
            return true;
        }
        var first = array.get(0);
        int size = Fuzz.JSON.writeValueAsBytes(first).length + 1;
        int count = max != null ? max + 1 : Math.min(5_000, 900_000 / size);
        array.removeAll();
        for (int i = 0; i < count; i++) {
            array.add(first.deepCopy());
        }
        if (max != null) {
            violate(draft, site, "body.array-size", site.pointer() + " ← " + count + " items (maxItems " + max + ")", false);
        } else {
            draft.neutral("body.array-size", site.pointer() + " ← " + count + " items (no maxItems in the spec)");
        }
        return true;
    }

    private static boolean syntax(Draft draft, SplittableRandom random) {
        if (draft.json == null) {
            return false;
        }
        boolean required = draft.operation.bodyRequired();
        record Variant(String name, UnaryOperator<byte[]> change, boolean breaks) {
        }
        var firstKey = draft.json instanceof ObjectNode o && !o.isEmpty() ? o.propertyNames().iterator().next() : "x";
        int cut = random.nextInt(1 << 30);
        var noise = new byte[64];
        random.nextBytes(noise);
        noise[0] = '~';
        var utf16 = random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        var variants = List.of(
                new Variant("empty body", b -> new byte[0], required),
                new Variant("cut short", b -> Arrays.copyOf(b, 1 + cut % Math.max(1, b.length - 1)), true),
                new Variant("trailing garbage", b -> concat(b, " x".getBytes(StandardCharsets.US_ASCII)), true),
                new Variant("trailing NUL byte", b -> concat(b, new byte[] {0}), true),
                new Variant("two documents", b -> concat(b, b), true),
                new Variant("null document", b -> "null".getBytes(StandardCharsets.US_ASCII), required),
                new Variant("array document", b -> concat(concat(new byte[] {'['}, b), new byte[] {']'}), true),
                new Variant("string document", b -> "\"x\"".getBytes(StandardCharsets.US_ASCII), true),
                new Variant("number document", b -> "42".getBytes(StandardCharsets.US_ASCII), true),
                new Variant("single quotes", b -> new String(b, StandardCharsets.UTF_8).replace('"', '\'')
                        .getBytes(StandardCharsets.UTF_8), true),
                new Variant("comment", b -> concat("/* fuzz */".getBytes(StandardCharsets.US_ASCII), b), true),
                new Variant("trailing comma", b -> {
                    var text = new String(b, StandardCharsets.UTF_8);
                    int last = text.lastIndexOf('}');
                    return (last < 0 ? text + "," : text.substring(0, last) + ",}").getBytes(StandardCharsets.UTF_8);
                }, true),
                new Variant("raw control character in a string", b -> replaceFirst(b, "\":\"".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {'"', ':', '"', 1}), true),
                new Variant("NaN", b -> replaceFirst(b, ":".getBytes(StandardCharsets.US_ASCII),
                        ":NaN,\"fuzz\":".getBytes(StandardCharsets.US_ASCII)), true),
                new Variant("XML", b -> "<change><title>x</title></change>".getBytes(StandardCharsets.US_ASCII), true),
                new Variant("form", b -> "title=x&type=NORMAL".getBytes(StandardCharsets.US_ASCII), true),
                new Variant("random bytes", b -> noise, true),
                new Variant("byte order mark", b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b), false),
                new Variant("UTF-16", b -> new String(b, StandardCharsets.UTF_8).getBytes(utf16), false),
                new Variant("duplicate key", b -> replaceFirst(b, "{".getBytes(StandardCharsets.US_ASCII),
                        ("{\"" + firstKey + "\":" + Fuzz.JSON.writeValueAsString(draft.json.get(firstKey)) + ",")
                                .getBytes(StandardCharsets.UTF_8)), false));
        var variant = Fuzz.pick(random, variants);
        draft.bodyBytes = variant.change();
        if (variant.breaks()) {
            draft.refused("body.syntax", variant.name());
            draft.mustRefuse = draft.operation.authenticated();
        } else {
            draft.neutral("body.syntax", variant.name());
        }
        return true;
    }

    private static boolean oversize(Draft draft, SplittableRandom random) {
        var site = site(draft, random, s -> s.value().isString());
        if (site == null) {
            return false;
        }
        int size = Fuzz.pick(random, List.of(1_048_577, 1_100_000, 2_000_000));
        draft.json = Json.set(draft.json, site.path(), NODES.stringNode("x".repeat(size)));
        draft.framing = random.nextBoolean() ? Draft.Framing.LENGTH : Draft.Framing.CHUNKED;
        draft.refused("body.oversize", site.pointer() + " ← " + size + " chars, " + draft.framing.name().toLowerCase(Locale.ROOT));
        return true;
    }

    private static boolean contentType(Draft draft, SplittableRandom random) {
        if (draft.json == null) {
            return false;
        }
        var refused = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=fuzz", "garbage", "", "application/", "/json", "image/png");
        var accepted = List.of("application/json; charset=utf-8", "APPLICATION/JSON", "application/json; charset=iso-8859-1",
                "application/vnd.fuzz+json", "application/json; foo=bar");
        if (random.nextInt(4) == 0) {
            draft.header("Content-Type", null);
            draft.refused("body.content-type", "no Content-Type");
        } else if (random.nextInt(3) == 0) {
            var value = Fuzz.pick(random, accepted);
            draft.header("Content-Type", value);
            draft.neutral("body.content-type", value);
            return true;
        } else {
            var value = Fuzz.pick(random, refused);
            draft.header("Content-Type", value);
            draft.refused("body.content-type", "\"" + value + "\"");
        }
        draft.mustRefuse = draft.operation.authenticated();
        return true;
    }

    private static boolean unexpected(Draft draft, SplittableRandom random) {
        if (draft.operation.body() != null) {
            return false;
        }
        var body = Fuzz.pick(random, List.of("{\"state\":\"RESOLVED\"}", "garbage", "{\"a\":\"\u0000\"}", "[[[[[[[[[["));
        draft.rawBody = body.getBytes(StandardCharsets.UTF_8);
        draft.header("Content-Type", "application/json");
        draft.neutral("body.unexpected", "a body where none is expected: " + Fuzz.printable(body, 40));
        return true;
    }

    // ---- helpers

    private static @Nullable Json site(Draft draft, SplittableRandom random, Predicate<Json> matching) {
        if (draft.json == null || draft.operation.body() == null) {
            return null;
        }
        var sites = Json.sites(draft.json, draft.operation.body()).stream().filter(matching).toList();
        return sites.isEmpty() ? null : Fuzz.pick(random, sites);
    }

    private static int minLength(Json site) {
        var min = site.schema().integer("minLength");
        return min == null ? 0 : min;
    }

    /**
     * Marks the draft as breaking the contract at {@code site}: an authenticated call must then be refused when the
     * schema there is strict ({@code additionalProperties: false}) or the break is one no tolerant reader may pass over
     * ({@code hard}: wrong types, NUL, bad encodings, missing required fields, lengths).
     */
    private static void violate(Draft draft, Json site, String kind, String detail, boolean hard) {
        draft.refused(kind, detail);
        draft.mustRefuse = draft.operation.authenticated() && (site.strict() || hard);
    }

    static UnaryOperator<byte[]> splice(String marker, byte[] replacement) {
        var target = marker.getBytes(StandardCharsets.UTF_8);
        return bytes -> replaceFirst(bytes, target, replacement);
    }

    static byte[] replaceFirst(byte[] bytes, byte[] target, byte[] replacement) {
        for (int i = 0; i + target.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
                var out = new ByteArrayOutputStream(bytes.length + replacement.length);
                out.write(bytes, 0, i);
                out.writeBytes(replacement);
                out.write(bytes, i + target.length, bytes.length - i - target.length);
                return out.toByteArray();
            }
        }
        return bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        var out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
