package io.passerelle.integrationservice.chatops.adapter.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.passerelle.integrationservice.chatops.ChatKind;
import io.passerelle.integrationservice.chatops.NotificationKind;
import io.passerelle.integrationservice.chatops.port.MessageTemplates;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message templates in (j)Mustache, one per notification and chat kind: {@code <notification>.<chat>.json}, read from
 * the operator's directory when it holds that file, else the default shipped in the jar ({@code chatops/templates/}).
 * Every value is escaped for a JSON string (and, for Slack, its {@code & < >} as Slack asks), so a change title cannot
 * break the JSON nor inject a mention or a link; unescaped tags ({@code {{{x}}}}, {@code {{&x}}}) are refused. Each
 * template is rendered at start-up with hostile values and with none: one that does not then render a JSON object
 * stops the start, naming the file.
 */
public final class MustacheMessageTemplates implements MessageTemplates {

    private static final String DEFAULTS = "chatops/templates/";
    private static final String HOSTILE = "q\"uote \\ back <!channel> & <http://x|y> \n\t\u0001 é";

    private final Map<ChatKind, Map<NotificationKind, Template>> templates = new EnumMap<>(ChatKind.class);

    /** @param directory the operator's templates, or null for the defaults only */
    public MustacheMessageTemplates(@Nullable Path directory, JsonMapper json) {
        for (var chat : ChatKind.values()) {
            var compiler = Mustache.compiler().defaultValue("").withEscaper(chat == ChatKind.SLACK
                    ? raw -> jsonString(raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                    : MustacheMessageTemplates::jsonString);
            var byKind = new EnumMap<NotificationKind, Template>(NotificationKind.class);
            for (var kind : NotificationKind.values()) {
                var file = kind.wire() + "." + chat.wire() + ".json";
                var source = directory != null && Files.isRegularFile(directory.resolve(file))
                        ? directory.resolve(file).toString() : "classpath:" + DEFAULTS + file;
                var text = read(directory, file);
                if (text.contains("{{{") || text.contains("{{&")) {
                    throw new IllegalStateException("chat template " + source + " uses an unescaped tag ({{{...}}}"
                            + " or {{&...}}): every value must be escaped");
                }
                Template template;
                try {
                    template = compiler.compile(text);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("chat template " + source + " is not a Mustache template: "
                            + e.getMessage(), e);
                }
                for (var values : List.of(samples(), Map.<String, Object>of())) {
                    var rendered = template.execute(values);
                    try {
                        if (!json.readTree(rendered).isObject()) {
                            throw new IllegalStateException("chat template " + source + " does not render a JSON "
                                    + "object");
                        }
                    } catch (JacksonException e) {
                        throw new IllegalStateException("chat template " + source + " renders invalid JSON ("
                                + e.getOriginalMessage() + "); rendered: " + rendered, e);
                    }
                }
                byKind.put(kind, template);
            }
            templates.put(chat, byKind);
        }
    }

    @Override
    public String render(NotificationKind notification, ChatKind chat, Map<String, Object> values) {
        return templates.get(chat).get(notification).execute(values);
    }

    private static String read(@Nullable Path directory, String file) {
        try {
            if (directory != null && Files.isRegularFile(directory.resolve(file))) {
                return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = MustacheMessageTemplates.class.getClassLoader().getResourceAsStream(DEFAULTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("no default chat template " + DEFAULTS + file);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("chat template " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every variable a notification may carry, each set to a value that would break unescaped JSON. */
    static Map<String, Object> samples() {
        var values = new HashMap<String, Object>();
        for (var key : List.of("service", "environment", "consoleUrl", "actionsUrl", "actionToken", "channel",
                "changeId", "url", "title", "requestedBy", "assessment", "by", "reason", "deploymentId", "heldUntil",
                "incidentId", "priority", "rolledBackDeploymentId", "version")) {
            values.put(key, HOSTILE);
        }
        values.put("risk", Map.of("score", 72, "factors", List.of(Map.of("name", HOSTILE, "explanation", HOSTILE),
                Map.of("name", HOSTILE, "explanation", HOSTILE))));
        values.put("suspect", Map.of("deploymentId", UUID.randomUUID(), "version", HOSTILE, "reason", HOSTILE));
        values.put("emergency", true);
        values.put("automatic", true);
        return values;
    }

    /** The inside of a JSON string (RFC 8259): quote, backslash and control characters escaped. */
    static String jsonString(String raw) {
        var out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
