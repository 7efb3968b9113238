package io.passerelle.platform.web;

import org.jspecify.annotations.Nullable;

/** What no text that Passerelle accepts may contain, wherever it comes from (a body, a query, a header). */
public final class TextRules {

    private TextRules() {
    }

    /** @return why the text is refused, in the client's terms, or null when it is acceptable */
    public static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }
}
