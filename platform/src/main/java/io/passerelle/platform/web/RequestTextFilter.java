package io.passerelle.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, a path or query string with characters that must be percent-encoded (RFC
 * 3986: controls, spaces, bytes outside ASCII), that is not percent-encoded UTF-8, or that decodes to control
 * characters or text {@link TextRules} refuses: 400 problem+json, nothing written. An {@code Accept} header that is
 * no list of media types is a 406 problem here, since no later answer could honour it.
 */
class RequestTextFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestTextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var problem = problem("the path", request.getRequestURI(), false);
        if (problem == null && request.getQueryString() != null) {
            problem = problem("the query string", request.getQueryString(), true);
        }
        if (problem != null) {
            problems.write(response, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", problem);
            return;
        }
        if (!acceptable(request.getHeaders(HttpHeaders.ACCEPT))) {
            problems.write(response, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                    "the Accept header is not a list of media types");
            return;
        }
        chain.doFilter(request, response);
    }

    static @Nullable String problem(String what, String raw, boolean form) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return what + " holds a character that must be percent-encoded";
            }
        }
        String decoded;
        try {
            decoded = decode(raw, form);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return what + " is not percent-encoded UTF-8";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return what + " must not contain control characters (U+"
                        + String.format("%04X", (int) c) + ")";
            }
        }
        if (form && hasPaddedValue(decoded)) {
            return what + " holds a value with leading or trailing spaces";
        }
        var text = TextRules.problem(decoded);
        return text == null ? null : what + " " + text;
    }

    /** {@code state=%20OPEN}: Spring would trim it into a valid value; a client that sends it meant something else. */
    private static boolean hasPaddedValue(String query) {
        for (var pair : query.split("&")) {
            var value = pair.substring(pair.indexOf('=') + 1);
            if (!value.equals(value.strip())) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptable(Enumeration<String> accept) {
        try {
            while (accept.hasMoreElements()) {
                var value = accept.nextElement();
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) >= 0x7f) {
                        return false;
                    }
                }
                MediaType.parseMediaTypes(value);
            }
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Strict percent-decoding: every {@code %} starts two hex digits, and the bytes are UTF-8. */
    static String decode(String raw, boolean form) throws CharacterCodingException {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (form && c == '+') {
                bytes.write(' ');
            } else {
                var encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }
}
