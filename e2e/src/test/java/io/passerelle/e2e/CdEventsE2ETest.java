package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * CDEvents out on the real stack: a queue of this test bound to {@code passerelle.cdevents} in the e2e vhost sees a
 * deployment made through the gateway (a green pipeline, a standard change, the target's success) come out as
 * {@code ticket.created} and {@code service.deployed}, and an incident opened by an alert as
 * {@code incident.detected}: CloudEvents structured messages, routing key the CDEvents type, each valid against the
 * CDEvents v0.5.1 schemas of the shared vectors.
 */
@ExtendWith(SharedStack.class)
class CdEventsE2ETest {

    static final String SERVICE = "cdevents-shop";
    static final String REPOSITORY = "octo-org/cdevents-shop";
    static final String SECRET = "cdevents-webhook-secret-0123456789";
    static final String SHA = "cdeecdeecdeecdeecdeecdeecdeecdeecdee0001";

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    static Path vectors;
    static Connection connection;
    static Channel channel;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static final Map<String, String> routingKeys = new HashMap<>();
    static SchemaRegistry schemas;
    static final Map<String, String> schemaByType = new HashMap<>();

    @BeforeAll
    static void up() throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        vectors = root.getParent().resolve("shared/vectors");
        Assumptions.assumeTrue(Files.isDirectory(vectors),
                "shared test vectors not found at ../shared/vectors: GitHub deliveries and CDEvents schemas; skipped");
        loadSchemas(vectors.resolve("cdevents-v0.5.1/schemas"));
        target = new DeployTarget(tokens);
        target.trust(SERVICE, SECRET);

        var factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("PASSERELLE_RABBIT_HOST", "127.0.0.1"));
        factory.setVirtualHost(System.getenv().getOrDefault("PASSERELLE_E2E_VHOST", "passerelle-e2e"));
        connection = factory.newConnection("CdEventsE2ETest");
        channel = connection.createChannel();
        channel.exchangeDeclare("passerelle.cdevents", BuiltinExchangeType.TOPIC, true);
        var queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "passerelle.cdevents", "dev.cdevents.#");
        channel.basicConsume(queue, true, (tag, delivery) -> {
            var envelope = Http.JSON.readTree(delivery.getBody());
            assertThat(delivery.getProperties().getContentType()).startsWith("application/cloudevents+json");
            routingKeys.put(envelope.path("id").asString(), delivery.getEnvelope().getRoutingKey());
            received.add(envelope);
        }, tag -> { });
    }

    @AfterAll
    static void down() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void a_deployment_and_an_incident_made_through_the_gateway_come_out_as_valid_cdevents() {
        var rhea = tokens.user("rhea");
        var registered = Http.post(Stack.GATEWAY + "/api/v1/services", rhea, Map.of("name", SERVICE,
                "repository", REPOSITORY, "defaultBranch", "master", "webhookSecret", SECRET,
                "environments", List.of(Map.of("name", "staging", "order", 1, "requiresApproval", false,
                        "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        GitHub.awaitCatalogued(Stack.GATEWAY, REPOSITORY, SECRET, 30);

        assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, REPOSITORY, SHA, 424242L), SECRET,
                GitHub.newDeliveryId()).status()).isEqualTo(202);
        var deployed = awaitCdEvent("dev.cdevents.service.deployed.0.3.0", SERVICE + "/staging");
        assertThat(deployed.at("/data/subject/content/environment/id").asString()).isEqualTo("staging");
        assertThat(deployed.at("/data/subject/content/artifactId").asString()).startsWith("pkg:generic/" + SERVICE + "@");
        assertThat(deployed.at("/data/customData/passerelle/commitSha").asString()).isEqualTo(SHA);
        var ticket = awaitCdEvent("dev.cdevents.ticket.created.0.2.0",
                deployed.at("/data/customData/passerelle/changeId").asString());
        assertThat(ticket.at("/data/subject/content/ticketType").asString()).isEqualTo("change-request");
        assertThat(ticket.at("/data/subject/content/group").asString()).isEqualTo(SERVICE);
        producedAsAnOperatorReadsThem(deployed);

        var startsAt = Instant.now();
        var firing = alert(startsAt);
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", tokens.monitoring(), firing).status())
                .isEqualTo(202);
        var detected = await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                .filter(e -> "dev.cdevents.incident.detected.0.3.0".equals(e.path("type").asString())
                        && SERVICE.equals(e.at("/data/subject/content/service/id").asString()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(detected.at("/data/subject/content/environment/id").asString()).isEqualTo("staging");
        if (detected.at("/data/subject/content").has("artifactId")) { // its top suspect, when it has one yet
            assertThat(detected.at("/data/subject/content/artifactId").asString())
                    .isEqualTo(deployed.at("/data/subject/content/artifactId").asString());
        }

        for (var event : List.of(deployed, ticket, detected)) {
            assertValid(event);
        }
    }

    /** oscar (operator) reads the same CDEvent through the gateway, delivered to the exchange; rhea may not. */
    static void producedAsAnOperatorReadsThem(JsonNode deployed) {
        var path = Stack.GATEWAY + "/api/v1/cdevents?type=dev.cdevents.service.&subject=" + SERVICE + "/staging";
        var oscar = tokens.user("oscar");
        var produced = await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(path, oscar).body().path(0),
                p -> "DELIVERED".equals(p.at("/deliveries/0/state").asString())); // the confirm follows the message
        assertThat(produced.path("id").asString()).isEqualTo(deployed.path("id").asString());
        assertThat(produced.at("/cdevent/context/type").asString()).isEqualTo("dev.cdevents.service.deployed.0.3.0");
        assertThat(produced.at("/deliveries/0/destination").asString()).isEqualTo("amqp");
        assertThat(Http.get(path, tokens.user("rhea")).status()).isEqualTo(403);
    }

    static JsonNode awaitCdEvent(String type, String subject) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> received
                .stream().filter(e -> type.equals(e.path("type").asString()) && subject.equals(e.path("subject")
                        .asString())).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** The envelope is CloudEvents 1.0 and says what its CDEvent says; the CDEvent is valid against its schema. */
    static void assertValid(JsonNode envelope) {
        var type = envelope.path("type").asString();
        assertThat(routingKeys.get(envelope.path("id").asString())).isEqualTo(type);
        assertThat(envelope.path("specversion").asString()).isEqualTo("1.0");
        var data = envelope.path("data");
        assertThat(data.at("/context/type").asString()).isEqualTo(type);
        assertThat(data.at("/context/id").asString()).isEqualTo(envelope.path("id").asString());
        assertThat(data.at("/subject/id").asString()).isEqualTo(envelope.path("subject").asString());
        var schema = schemas.getSchema(SchemaLocation.of(schemaByType.get(type)));
        assertThat(schema.validate(data)).as("%s against the CDEvents schema: %s", type, data).isEmpty();
    }

    static void loadSchemas(Path dir) throws Exception {
        var byId = new HashMap<String, String>();
        try (var files = Files.walk(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var text = Files.readString(file);
                var node = Http.JSON.readTree(text);
                byId.put(node.path("$id").asString(), text);
                var types = node.at("/properties/context/properties/type/enum");
                if (types.isArray() && !types.isEmpty()) {
                    schemaByType.put(types.get(0).asString(), node.path("$id").asString());
                }
            }
        }
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
    }

    static Map<String, Object> alert(Instant startsAt) {
        var alert = Map.<String, Object>of("status", "firing",
                "labels", Map.of("alertname", "CdEventsShopDown", "service", SERVICE, "environment", "staging",
                        "severity", "critical"),
                "annotations", Map.of("summary", "cdevents-shop answers 5xx"), "startsAt", startsAt.toString(),
                "endsAt", "0001-01-01T00:00:00Z", "generatorURL", "http://prometheus.example/graph",
                "fingerprint", "cdee0123456789ab");
        return Map.of("version", "4", "groupKey", "{}:{alertname=\"CdEventsShopDown\"}", "truncatedAlerts", 0,
                "status", "firing", "receiver", "passerelle", "groupLabels", Map.of("alertname", "CdEventsShopDown"),
                "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL", "http://alertmanager.example",
                "alerts", List.of(alert));
    }
}
