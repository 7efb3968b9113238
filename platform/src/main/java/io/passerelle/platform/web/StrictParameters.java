package io.passerelle.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and path parameters bound as strictly as JSON: an integer in plain decimal ({@code 0x10}, {@code 1e3},
 * {@code +5} are refused; Spring's default number editor decodes hexadecimal and octal). Enum values are bound by
 * Spring's exact name, after {@link RequestTextFilter} refused values with surrounding spaces (which the default
 * would trim away).
 */
@ControllerAdvice
class StrictParameters {

    @InitBinder
    void decimalIntegers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        Decimal(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!text.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException("not a decimal integer");
            }
            setValue(parse.apply(text));
        }
    }
}
