package io.passerelle.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 by hand over a socket, so that tests can send what no HTTP client would (bad bytes, conflicting framing,
 * unknown methods) and choose the source address (any of 127.0.0.0/8), which the rate limits key on.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response as read from the wire: header names in lower case. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    private RawHttp() {
    }

    static Response send(int port, String request) {
        return send(port, "127.0.0.1", request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response send(int port, String from, String request) {
        return send(port, from, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends the bytes from the address {@code from} and reads one response. */
    static Response send(int port, String from, byte[] request) {
        return pipelined(port, from, request, 1).getFirst();
    }

    /** Sends the bytes (several requests, pipelined) and reads {@code responses} responses on the same connection. */
    static List<Response> pipelined(int port, String from, byte[] requests, int responses) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests);
            socket.getOutputStream().flush();
            var read = new ArrayList<Response>();
            for (int i = 0; i < responses; i++) {
                read.add(read(socket.getInputStream()));
            }
            return read;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        for (int window = 0; window != 0x0D0A0D0A; ) { // until CR LF CR LF
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the response headers ended: " + head);
            }
            head.write(b);
            window = (window << 8) | b;
        }
        var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunks(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            var sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
