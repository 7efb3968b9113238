package io.passerelle.console.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The alert labels a known error matches, typed one {@code name=value} a line: blank lines are skipped, and a line
 * without {@code =} is kept as a name with an empty value, so that the service judges it rather than the console
 * dropping it.
 */
final class Labels {

    private Labels() {
    }

    static Map<String, String> parse(@Nullable String text) {
        var labels = new LinkedHashMap<String, String>();
        if (text == null) {
            return labels;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                labels.put(line.trim(), "");
            } else {
                labels.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return labels;
    }

    /** The labels as the form shows them again, one a line. */
    static String format(@Nullable Object labels) {
        if (!(labels instanceof Map<?, ?> map)) {
            return "";
        }
        var text = new StringBuilder();
        map.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().strip();
    }
}
