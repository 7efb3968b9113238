package io.passerelle.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, a path or query string that is not percent-encoded UTF-8 or that decodes to
 * text {@link TextRules} refuses (NUL, unpaired surrogates): 400 problem+json, nothing written.
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
        chain.doFilter(request, response);
    }

    static @Nullable String problem(String what, String raw, boolean form) {
        String decoded;
        try {
            decoded = decode(raw, form);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return what + " is not percent-encoded UTF-8";
        }
        var text = TextRules.problem(decoded);
        return text == null ? null : what + " " + text;
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
