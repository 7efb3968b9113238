package io.passerelle.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import io.passerelle.e2e.SharedStack;
import io.passerelle.e2e.Stack;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The approvals inbox and the change detail in a real browser against the e2e stack: a pipeline run triggered by
 * Codertocat (bob in the realm) asks to deploy to production, which requires approval; bob cannot approve his own
 * change and is told so plainly; alice, logged in through Keycloak's page, sees it with its risk (in French too) and
 * approves it with a comment; its detail shows it authorized, her vote in the audit trail and its deployment.
 */
@ExtendWith(SharedStack.class)
class ApprovalsBrowserE2ETest {

    static final String SERVICE = "approvals-shop";
    static final String SECRET = "approvals-shop-webhook-secret-0123456789";
    static final String SHA = "a11ce0a11ce0a11ce0a11ce0a11ce0a11ce0a11c";
    static final String RUN = "https://ci.example/octo-org/approvals-shop/actions/runs/4242";

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;

    @BeforeAll
    static void up() throws Exception {
        target = new DeployTarget(tokens);
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void the_requester_is_refused_plainly_and_a_change_manager_approves_in_one_click() {
        String alice = tokens.user("alice");
        JsonNode change = pendingChangeRaisedByCodertocat(alice);
        String id = change.path("id").asString();
        String title = change.path("title").asString();

        try (var browser = new Browser()) {
            browser.login("bob").open("/approvals").awaitText(title);
            browser.type(By.id("comment-" + id), "my own release, looks fine");
            browser.click(By.id("approve-" + id));
            sees(browser, "cannot approve it");
            String refusal = browser.find(By.cssSelector("#messages .refusal")).getText();
            assertThat(refusal).contains("Segregation of duties", "403", "through a pipeline", "another change manager must")
                    .doesNotContain("Ask an administrator");
            assertThat(Http.get(api("/changes/" + id), alice).body().path("state").asString()).isEqualTo("PENDING_APPROVAL");
            browser.logout();
        }

        try (var browser = new Browser("fr-FR")) {
            browser.login("alice").open("/approvals").awaitText(title);
            assertThat(browser.heading()).isEqualTo("Approbations");
            assertThat(browser.text()).contains("Risque", "Approuver", "Rejeter", "pipeline:Codertocat");
            browser.screenshot("approvals-inbox-fr");
        }

        try (var browser = new Browser()) {
            browser.login("alice").open("/approvals").awaitText(title);
            String card = browser.find(By.id("change-" + id)).getText();
            assertThat(card).contains(SERVICE, "production", "Normal", "pipeline:Codertocat", "Risk ", "/ 100",
                    "Environment criticality", "Needs one approval by: change-manager", "0 of 1 approvals so far");
            assertThat(browser.all(By.cssSelector("#change-" + id + " a[href='" + RUN + "']")))
                    .as("the pipeline run as evidence").isNotEmpty();
            browser.assertAccessible().screenshot("approvals-inbox");
            browser.size(390, 844).screenshot("approvals-inbox-phone").size(1280, 900);

            browser.type(By.id("comment-" + id), "risk is low, ship it");
            browser.click(By.id("approve-" + id));
            sees(browser, "Your approval of");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.all(By.id("change-" + id)).isEmpty());

            browser.open("/changes/" + id);
            sees(browser, "Audit trail");
            String page = browser.text();
            assertThat(page).containsAnyOf("Scheduled (authorized)", "Implementing")
                    .contains("Authorized", "by alice", "Approved", "risk is low, ship it", "Risk ");
            assertThat(browser.all(By.cssSelector("a[href='/deployments/" + change.path("deploymentId").asString() + "']")))
                    .as("a link to its deployment").isNotEmpty();
            assertThat(browser.all(By.cssSelector("ol.timeline li")).stream().map(li -> li.getText()))
                    .anyMatch(line -> line.contains("Approved") && line.contains("alice") && line.contains("risk is low, ship it"));
            browser.assertAccessible().screenshot("change-detail");
        }
        var decided = Http.get(api("/changes/" + id), alice).body();
        assertThat(decided.path("authorizedBy").asString()).isEqualTo("alice");
    }

    /** A pipeline run of Codertocat (bob) opens a gate for production: its NORMAL change waits for approval. */
    static JsonNode pendingChangeRaisedByCodertocat(String alice) {
        var registered = Http.post(api("/services"), tokens.user("rhea"), Map.of("name", SERVICE,
                "repository", "octo-org/" + SERVICE, "defaultBranch", "main", "webhookSecret", SECRET,
                "environments", List.of(env("staging", 1, false), env("production", 2, true))));
        assertThat(registered.status()).as(registered.raw()).isIn(201, 409);
        String pipeline = tokens.pipeline();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var gate = Http.post(api("/gates"), pipeline, Map.of("service", SERVICE, "environment", "production",
                    "commitSha", SHA, "runUrl", RUN, "actor", "Codertocat",
                    "evidence", Map.of("testReportUrl", RUN + "/tests")));
            return gate.status() == 201 || gate.status() == 200;
        });
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var changes = Http.get(api("/changes?service=" + SERVICE + "&state=PENDING_APPROVAL"), alice);
            return changes.status() != 200 ? Optional.<JsonNode>empty()
                    : StreamSupport.stream(changes.body().spliterator(), false).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    static Map<String, Object> env(String name, int order, boolean approval) {
        return Map.of("name", name, "order", order, "requiresApproval", approval,
                "deployTarget", Map.of("type", "webhook", "url", target.url("/ok")));
    }

    /** Waits for the text; on a timeout, fails with what the page showed instead (and its screenshot). */
    static void sees(Browser browser, String text) {
        try {
            browser.awaitText(text);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("approvals-failure");
            throw new AssertionError("expected \"" + text + "\" on " + browser.driver().getCurrentUrl() + ", the page shows:\n"
                    + browser.text(), e);
        }
    }

    static String api(String path) {
        return Stack.GATEWAY + "/api/v1" + path;
    }
}
