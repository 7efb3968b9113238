package io.passerelle.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the bytes go out exactly as generated (bad header bytes,
 * raw CR LF, unknown methods, conflicting framing), which no HTTP client library would send.
 */
final class RawHttp {

    /** What came back; {@code body} is cut at {@link #MAX_BODY} bytes (more than any refusal should say). */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final int MAX_BODY = 4 * 1024 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends the request's bytes; an answer that comes before the whole body is written is still read. */
    Response exchange(byte[] request) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            IOException writeFailure = null;
            try {
                var out = socket.getOutputStream();
                out.write(request);
                out.flush(); // no half-close: a server may take the client's FIN for an abandoned request
            } catch (IOException e) {
                writeFailure = e; // the server may have answered and closed early (413): read what it said
            }
            try {
                return read(socket.getInputStream());
            } catch (IOException e) {
                if (writeFailure != null) {
                    e.addSuppressed(writeFailure);
                }
                throw e;
            }
        }
    }

    private static Response read(InputStream raw) throws IOException {
        var in = new java.io.BufferedInputStream(raw);
        while (true) {
            var statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed without an answer");
            }
            var parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            var headers = new LinkedHashMap<String, String>();
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            return new Response(status, headers, body(in, headers, status));
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers, int status) throws IOException {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        var out = new ByteArrayOutputStream();
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            String size;
            while ((size = line(in)) != null) {
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    break;
                }
                copy(in, out, length);
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            copy(in, out, Long.parseLong(headers.get("content-length")));
        } else {
            copy(in, out, Long.MAX_VALUE);
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long length) throws IOException {
        var buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("answer cut short");
            }
            if (out.size() < MAX_BODY) {
                out.write(buffer, 0, Math.min(n, MAX_BODY - out.size()));
            }
            left -= n;
        }
    }

    private static @Nullable String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                var bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
