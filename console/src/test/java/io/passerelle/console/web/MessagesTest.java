package io.passerelle.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every label in English and French: each bundle has the same keys in both, and every key a template uses exists. */
class MessagesTest {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} or {@code #{key(args)}}, a literal key (not one computed with ${...}). */
    static final Pattern KEY = Pattern.compile("#\\{([a-z][a-z0-9.-]*)[}(]");

    @Test
    void each_bundle_has_the_same_keys_in_english_and_french() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path english : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path french = english.resolveSibling(english.getFileName().toString().replace(".properties", "_fr.properties"));
                assertThat(french).as("French beside %s", english).exists();
                assertThat(keys(french)).as("keys of %s against %s", french, english)
                        .containsExactlyInAnyOrderElementsOf(keys(english));
            }
        }
    }

    @Test
    void every_key_a_template_uses_is_in_the_bundles() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path bundle : files.toList()) {
                known.addAll(keys(bundle));
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                var matcher = KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_section_has_its_navigation_label() throws IOException {
        Set<String> common = keys(I18N.resolve("common.properties"));
        for (Section section : Section.values()) {
            assertThat(common).contains(section.label());
        }
    }

    static Set<String> keys(Path bundle) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
