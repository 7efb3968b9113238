package io.passerelle.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request being generated: starts as the operation's valid call with the fixture's values, is bent by one mutation
 * (and, when that mutation alone does not break the contract of a call that writes, by the fixture's anchor), then
 * becomes bytes.
 */
final class Draft {

    /** How the body is delimited: as it should be, or in the ways that confuse parsers and proxies. */
    enum Framing {
        LENGTH, CHUNKED, LENGTH_AND_CHUNKED, TWO_LENGTHS, LENGTH_NOT_A_NUMBER, NEGATIVE_LENGTH, SHORT_LENGTH,
        BAD_CHUNK_SIZE, GZIP_CHUNKED
    }

    final int index;
    final Operation operation;
    String kind = "";
    String detail = "";
    /** The request breaks the contract: a call that writes must be refused (4xx). */
    boolean invalid;
    /** The request must get a 4xx: false for calls that may acknowledge and ignore (webhooks) and for neutral reads. */
    boolean mustRefuse;
    @Nullable String anchor;

    String method;
    String path;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final List<byte[]> query = new ArrayList<>();
    /** Header lines as raw bytes; the standard ones (Host, Authorization, Accept, Content-Type) are kept apart. */
    final List<byte[]> headers = new ArrayList<>();
    final Map<String, byte @Nullable []> standard = new LinkedHashMap<>();
    @Nullable JsonNode json;
    /** The body when there is no {@link #json} (a body sent where none is expected). */
    byte @Nullable [] rawBody;
    /** Applied to the serialised {@link #json}: syntax errors, encodings and raw splices survive the anchor. */
    UnaryOperator<byte[]> bodyBytes = UnaryOperator.identity();
    /** The Authorization header from the role's current token; null leaves the header out. */
    java.util.function.Function<String, @Nullable String> authorization = token -> "Bearer " + token;
    Framing framing = Framing.LENGTH;
    UnaryOperator<byte[]> target = UnaryOperator.identity();
    @Nullable String role;

    Draft(int index, Operation operation) {
        this.index = index;
        this.operation = operation;
        this.method = operation.method();
        this.path = operation.path();
    }

    void header(String name, @Nullable String value) {
        standard.put(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void rawHeader(byte[] line) {
        headers.add(line);
    }

    void refused(String kind, String detail) {
        this.kind = kind;
        this.detail = detail;
        this.invalid = true;
        this.mustRefuse = true;
    }

    void neutral(String kind, String detail) {
        this.kind = kind;
        this.detail = detail;
        this.invalid = false;
        this.mustRefuse = false;
    }

    byte @Nullable [] body() {
        if (json == null) {
            return rawBody;
        }
        return bodyBytes.apply(Fuzz.JSON.writeValueAsBytes(json));
    }

    /** The path with its values (percent-encoded already where they need it) and the query. */
    byte[] requestTarget() {
        var resolved = path;
        for (var value : pathValues.entrySet()) {
            resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
        }
        var out = new ByteArrayOutputStream();
        out.writeBytes(resolved.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < query.size(); i++) {
            out.write(i == 0 ? '?' : '&');
            out.writeBytes(query.get(i));
        }
        return target.apply(out.toByteArray());
    }

    byte[] bytes(String authority, java.util.function.Function<String, String> tokens) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(method.getBytes(StandardCharsets.UTF_8));
        out.write(' ');
        out.writeBytes(requestTarget());
        out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        var defaults = new LinkedHashMap<String, byte @Nullable []>();
        defaults.put("Host", authority.getBytes(StandardCharsets.US_ASCII));
        if (role != null) {
            var value = authorization.apply(tokens.apply(role));
            defaults.put("Authorization", value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
        defaults.putAll(standard);
        defaults.forEach((name, value) -> {
            if (value != null) {
                line(out, name.getBytes(StandardCharsets.US_ASCII), value);
            }
        });
        headers.forEach(h -> {
            out.writeBytes(h);
            out.writeBytes(CRLF);
        });
        var body = body();
        line(out, "Connection", "close");
        if (body == null) {
            out.writeBytes(CRLF);
            return out.toByteArray();
        }
        byte[] payload = body;
        switch (framing) {
            case LENGTH -> line(out, "Content-Length", String.valueOf(body.length));
            case CHUNKED -> {
                line(out, "Transfer-Encoding", "chunked");
                payload = chunked(body);
            }
            case LENGTH_AND_CHUNKED -> {
                payload = chunked(body);
                line(out, "Transfer-Encoding", "chunked");
                line(out, "Content-Length", String.valueOf(payload.length));
            }
            case TWO_LENGTHS -> {
                line(out, "Content-Length", String.valueOf(body.length));
                line(out, "Content-Length", String.valueOf(body.length - 1));
            }
            case LENGTH_NOT_A_NUMBER -> line(out, "Content-Length", "abc");
            case NEGATIVE_LENGTH -> line(out, "Content-Length", "-1");
            case SHORT_LENGTH -> line(out, "Content-Length", String.valueOf(body.length / 2));
            case BAD_CHUNK_SIZE -> {
                line(out, "Transfer-Encoding", "chunked");
                payload = BodyMutations.concat(BodyMutations.concat("zz\r\n".getBytes(StandardCharsets.US_ASCII), body),
                        "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case GZIP_CHUNKED -> {
                line(out, "Transfer-Encoding", "gzip, chunked");
                payload = chunked(body);
            }
        }
        out.writeBytes(CRLF);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] chunked(byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes(CRLF);
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** One line to describe the request in the findings (bytes outside printable ASCII escaped, long runs cut). */
    String describe() {
        var target = Fuzz.printable(requestTarget(), 160);
        return method + " " + target + " [" + kind + ": " + detail + (anchor == null ? "" : "; anchored by " + anchor)
                + (role == null ? "" : "; as " + role) + "]";
    }

    private static void line(ByteArrayOutputStream out, String name, String value) {
        line(out, name.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII));
    }

    private static void line(ByteArrayOutputStream out, byte[] name, byte[] value) {
        out.writeBytes(name);
        out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value);
        out.writeBytes(CRLF);
    }

    static final byte[] CRLF = {'\r', '\n'};
}
