package io.passerelle.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The integration-service settings the verdict depends on, read from its application.yaml (the e2e stack does not
 * override them): how many calls a deployment may get, and how long a claim is leased before a call whose outcome
 * was lost is made again.
 */
record ExecutorSettings(int maxAttempts, Duration lease) {

    static ExecutorSettings read(Path root) {
        var file = root.resolve("services/integration-service/src/main/resources/application.yaml");
        try (var in = Files.newInputStream(file)) {
            Map<String, Object> yaml = new Yaml().load(in);
            var executor = section(section(yaml, "passerelle"), "executor");
            return new ExecutorSettings(Integer.parseInt(String.valueOf(executor.get("max-attempts"))),
                    duration(String.valueOf(executor.get("lease"))));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read passerelle.executor.max-attempts and lease from " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String key) {
        return (Map<String, Object>) yaml.get(key);
    }

    /** Spring's simple duration format: {@code 200ms}, {@code 30s}, {@code 1m}, {@code 2h}. */
    static Duration duration(String value) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
