package io.passerelle.console.change;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Instants as the pages show them ({@code ${@when.at(c.raisedAt)}}): the API's RFC 3339 text in the user's language,
 * in UTC, said so; what is not an instant is shown as it is.
 */
@Component("when")
public class When {

    public String at(@Nullable Object iso) {
        return at(iso, LocaleContextHolder.getLocale());
    }

    static String at(@Nullable Object iso, Locale locale) {
        if (iso == null) {
            return "";
        }
        try {
            var instant = Instant.parse(iso.toString());
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZoneOffset.UTC).format(instant) + " UTC";
        } catch (DateTimeParseException notAnInstant) {
            return iso.toString();
        }
    }
}
