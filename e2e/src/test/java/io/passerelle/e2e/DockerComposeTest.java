package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked by reading: it must name the whole stack,
 * and give each app the port and settings the app itself expects.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("change-service", "incident-service", "release-service", "integration-service");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml")).get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... path) {
        Object current = map;
        for (var key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @Test
    void names_the_whole_stack() throws IOException {
        assertThat(compose()).containsKeys("postgres", "rabbitmq", "keycloak", "gateway", "console")
                .containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gives_each_service_its_own_port_database_role_broker_and_identity_settings() throws IOException {
        var compose = compose();
        var init = Files.readString(ROOT.resolve("infra/postgres/init.sql"));
        for (var name : SERVICES) {
            var service = (Map<String, Object>) compose.get(name);
            var env = environment(service);
            var app = yaml(ROOT.resolve("services/" + name + "/src/main/resources/application.yaml"));
            var port = String.valueOf(at(app, "server", "port"));
            var schema = String.valueOf(at(app, "passerelle", "db", "schema"));

            assertThat(env.get("SERVER_PORT")).as(name).isEqualTo(port);
            assertThat((List<String>) service.get("ports")).as(name).contains(port + ":" + port);
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(name).isEqualTo("passerelle_" + schema);
            assertThat(init).as("init.sql creates the role of " + name).contains("create role passerelle_" + schema + " ");
            assertThat(env).as(name).containsKeys("SPRING_DATASOURCE_URL", "SPRING_RABBITMQ_HOST",
                    "PASSERELLE_IDENTITY_ISSUER", "PASSERELLE_IDENTITY_JWK_SET_URI", "PASSERELLE_SECRETS_KEY",
                    "PASSERELLE_PUBLIC_URL");
            var jar = String.valueOf(at(service, "build", "args", "JAR"));
            assertThat(jar).as(name).startsWith("services/" + name + "/target/" + name + "-");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_app_exports_its_spans_to_the_zipkin_of_the_stack() throws IOException {
        var compose = compose();
        var zipkin = (Map<String, Object>) compose.get("zipkin");
        assertThat((List<String>) zipkin.get("ports")).contains("9411:9411");
        for (var name : java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of("gateway", "console")).toList()) {
            var env = environment((Map<String, Object>) compose.get(name));
            assertThat(env).as(name).containsEntry("PASSERELLE_TRACING_EXPORT", "true")
                    .containsEntry("PASSERELLE_TRACING_ZIPKIN", "http://zipkin:9411");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void routes_the_gateway_to_the_services_ports_and_exposes_it_on_8080() throws IOException {
        var compose = compose();
        var gateway = (Map<String, Object>) compose.get("gateway");
        var env = environment(gateway);
        assertThat((List<String>) gateway.get("ports")).contains("8080:8080");
        var routes = Map.of("CHANGE", "change-service", "INCIDENT", "incident-service", "RELEASE", "release-service",
                "INTEGRATION", "integration-service");
        for (var route : routes.entrySet()) {
            var app = yaml(ROOT.resolve("services/" + route.getValue() + "/src/main/resources/application.yaml"));
            assertThat(env.get("PASSERELLE_ROUTES_" + route.getKey()))
                    .isEqualTo("http://" + route.getValue() + ":" + at(app, "server", "port"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_console_is_routed_by_the_gateway_and_returns_from_the_login_to_an_address_the_realm_allows() throws IOException {
        var compose = compose();
        var console = environment((Map<String, Object>) compose.get("console"));
        var app = yaml(ROOT.resolve("console/src/main/resources/application.yaml"));
        assertThat(console.get("SERVER_PORT")).isEqualTo(String.valueOf(at(app, "server", "port")));
        assertThat(environment((Map<String, Object>) compose.get("gateway")).get("PASSERELLE_ROUTES_CONSOLE"))
                .isEqualTo("http://console:" + at(app, "server", "port"));
        assertThat(console).containsEntry("PASSERELLE_CONSOLE_ISSUER", "http://localhost:8180/realms/passerelle")
                .containsEntry("PASSERELLE_CONSOLE_API", "http://gateway:8080");
        var realm = Files.readString(ROOT.resolve("infra/keycloak/passerelle-realm.json"));
        assertThat(realm).contains("\"" + console.get("PASSERELLE_CONSOLE_PUBLICURL") + "/login/oauth2/code/keycloak\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void imports_the_realm_that_exists_and_issues_tokens_for_the_issuer_the_apps_expect() throws IOException {
        var keycloak = (Map<String, Object>) compose().get("keycloak");
        assertThat((List<String>) keycloak.get("volumes")).anySatisfy(volume -> {
            assertThat(volume).startsWith("./infra/keycloak/passerelle-realm.json:");
            assertThat(ROOT.resolve("infra/keycloak/passerelle-realm.json")).exists();
        });
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm", "--hostname=http://localhost:8180");
        assertThat((List<String>) keycloak.get("ports")).contains("8180:8080");
        for (var name : SERVICES) {
            assertThat(environment((Map<String, Object>) compose().get(name)).get("PASSERELLE_IDENTITY_ISSUER"))
                    .isEqualTo("http://localhost:8180/realms/passerelle");
        }
    }
}
