package io.passerelle.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.passerelle.e2e.SharedStack;
import io.passerelle.e2e.Stack;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * Releases, deployments, the catalog and the delivery metrics in a real browser. A service with staging then
 * production (production needs approval and is promoted by hand) is registered through the API, and a green pipeline's
 * release is deployed to staging by the deploy target (a standard change there); then rhea promotes it in the console, sam sees
 * the grid without the button, a rollback the service refuses is shown plainly, the catalog shows the environments and
 * never the webhook secret, and the metrics show the DORA figures with their charts and the deployments behind them.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryBrowserE2ETest {

    static final String SERVICE = "delivery-shop";
    static final String SECRET = "delivery-webhook-secret-0123456789";
    static final String SHA = "de11e7e2c0ffee0000000000000000000000a001";
    /** A release's version is its commit's first 12 characters. */
    static final String VERSION = SHA.substring(0, 12);

    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    static String rhea;
    static JsonNode staging;

    @BeforeAll
    static void seed() throws Exception {
        target = new DeployTarget(tokens);
        target.trust(SERVICE, SECRET);
        rhea = tokens.user("rhea");
        var registered = Http.post(api("/services"), rhea, Map.of("name", SERVICE, "repository", "octo-org/" + SERVICE,
                "defaultBranch", "main", "webhookSecret", SECRET, "environments", List.of(
                        Map.of("name", "staging", "order", 1, "requiresApproval", false,
                                "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))),
                        Map.of("name", "production", "order", 2, "requiresApproval", true,
                                "promotion", Map.of("mode", "manual"),
                                "deployTarget", Map.of("type", "webhook", "url", target.url("/ok"))))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

        // a green pipeline on the default branch (a minimal signed workflow_run): the release goes to staging through
        // the deploy target, under a standard change, and succeeds
        GitHub.awaitCatalogued(Stack.GATEWAY, "octo-org/" + SERVICE, SECRET, 30);
        var delivered = GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun("octo-org/" + SERVICE, "main", SHA, 424_242L),
                SECRET, GitHub.newDeliveryId());
        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(202);
        staging = awaitDeployment("staging", d -> "SUCCEEDED".equals(d.path("state").asString()));
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Order(1)
    void rhea_sees_the_release_succeeded_in_staging_promotes_it_and_its_production_deployment_waits_for_its_change() {
        try (var browser = new Browser()) {
            browser.login("rhea");
            browser.open("/releases?service=" + SERVICE);
            assertThat(browser.heading()).isEqualTo("Releases and deployments");
            assertThat(cell(browser, "staging")).contains("Succeeded");
            assertThat(cell(browser, "production")).contains("Promote to production");
            browser.assertAccessible().screenshot("releases");

            browser.click(By.cssSelector("#release-" + VERSION + " td[data-environment='production'] button"));
            awaitNotice(browser, "Release " + VERSION + " is planned into production");
            // production needs approval: a NORMAL change waits, and the deployment is planned until it is decided
            assertThat(cell(browser, "production")).contains("Planned").doesNotContain("Promote");
            var production = awaitDeployment("production", d -> true);
            assertThat(production.path("state").asString()).isEqualTo("PLANNED");

            browser.click(By.cssSelector("#release-" + VERSION + " td[data-environment='production'] a"));
            assertThat(browser.heading()).isEqualTo("Deployment of " + SERVICE + " " + VERSION + " to production");
            assertThat(browser.find(By.id("deployment-state")).getText()).isEqualTo("Planned");
            browser.awaitTextReloading("Open its change", Duration.ofSeconds(60));
            assertThat(browser.text()).contains(SHA, "webhook at " + target.url("/ok"),
                    "Waiting for its change to be authorized.");
            var change = awaitChange(production.path("id").asString());
            assertThat(change.path("type").asString()).isEqualTo("NORMAL");
            assertThat(browser.find(By.id("deployment-change")).getAttribute("href"))
                    .endsWith("/changes/" + change.path("id").asString());
            browser.assertAccessible().screenshot("deployment-detail");

            browser.size(390, 844).open("/releases?service=" + SERVICE);
            assertThat(cell(browser, "production")).contains("Planned");
            browser.assertAccessible().screenshot("releases-phone");
        }
    }

    @Test
    @Order(2)
    void the_service_desk_sees_the_releases_without_a_promote_button_and_a_promotion_posted_anyway_is_refused_plainly() {
        try (var browser = new Browser()) {
            browser.login("sam");
            browser.open("/releases?service=" + SERVICE);
            assertThat(cell(browser, "staging")).contains("Succeeded");
            assertThat(browser.all(By.cssSelector("table.promotion button"))).isEmpty();
            // posting the promote form anyway (with the session's CSRF token): the service refuses, the page says so
            var js = (JavascriptExecutor) browser.driver();
            @SuppressWarnings("unchecked")
            var answer = (Map<String, Object>) js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = new URLSearchParams({ environment: 'production', service: arguments[1],
                        _csrf: document.querySelector('meta[name="csrf-token"]').content });
                    fetch('/releases/' + arguments[0] + '/promote', { method: 'POST', body: form })
                        .then(r => r.text().then(t => done({ status: r.status, page: t })));
                    """, staging.path("releaseId").asString(), SERVICE);
            assertThat(answer.get("status")).isEqualTo(403L);
            assertThat((String) answer.get("page")).contains("Your roles do not allow this", "Status 403")
                    .doesNotContain("Exception");
            browser.open("/deployments/" + staging.path("id").asString());
            assertThat(browser.all(By.id("rollback"))).as("no rollback for the service desk").isEmpty();
        }
    }

    @Test
    @Order(3)
    void a_rollback_the_service_refuses_is_shown_plainly() {
        try (var browser = new Browser()) {
            browser.login("rhea");
            browser.open("/deployments/" + staging.path("id").asString());
            assertThat(browser.find(By.id("deployment-state")).getText()).isEqualTo("Succeeded");
            browser.type(By.id("reason"), "checking the way back");
            browser.click(By.id("rollback"));
            // nothing succeeded in staging before this release: there is nothing to put back (422)
            var refusal = browser.find(By.cssSelector("#messages .refusal"));
            assertThat(refusal.getText()).contains("Status 422");
            assertThat(browser.heading()).isEqualTo("Deployment of " + SERVICE + " " + VERSION + " to staging");
            assertThat(deployments()).noneMatch(d -> "ROLLBACK".equals(d.path("kind").asString()));
        }
    }

    @Test
    @Order(4)
    void the_catalog_shows_the_service_and_its_environments_in_order_and_never_a_secret() {
        try (var browser = new Browser()) {
            browser.login("rhea");
            browser.open("/catalog");
            assertThat(browser.heading()).isEqualTo("Service catalog");
            assertThat(browser.find(By.id("services")).getText()).contains(SERVICE, "octo-org/" + SERVICE);
            assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
            browser.assertAccessible();

            browser.click(By.linkText(SERVICE));
            assertThat(browser.heading()).isEqualTo("Service " + SERVICE);
            var stagingCard = browser.find(By.id("environment-staging")).getText();
            assertThat(stagingCard).contains("1. staging", "A standard change, authorized at once", "webhook at " + target.url("/ok"));
            var productionCard = browser.find(By.id("environment-production")).getText();
            // the profile is the environment's across services (another class may have declared production's): shown
            assertThat(productionCard).contains("2. production", "production", "Manual: a release manager promotes",
                    "A normal change, decided by its approval policy", "Profile");
            assertThat(browser.text()).contains("Configured (it is never shown)").doesNotContain("Approval policies in");
            assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
            browser.assertAccessible().screenshot("catalog");
        }
        try (var browser = new Browser()) {
            browser.login("alice"); // a change manager also reads the approval policies
            browser.open("/catalog/" + SERVICE);
            assertThat(browser.find(By.id("environment-production")).getText()).contains("Approval policies in production");
            assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
        }
    }

    @Test
    @Order(5)
    void the_metrics_show_the_dora_figures_with_charts_and_the_deployments_behind_them() {
        // alice approves the production change rhea's promotion raised: the target deploys it
        var production = awaitDeployment("production", d -> true);
        var change = awaitChange(production.path("id").asString());
        var approved = Http.post(api("/changes/" + change.path("id").asString() + "/approve"), tokens.user("alice"),
                Map.of("comment", "promoted from the console"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        awaitDeployment("production", d -> "SUCCEEDED".equals(d.path("state").asString()));

        try (var browser = new Browser()) {
            browser.login("rhea");
            browser.open("/metrics?service=" + SERVICE);
            assertThat(browser.heading()).isEqualTo("Delivery metrics");
            assertThat(browser.find(By.id("scope")).getText()).contains(SERVICE + " · production");
            var frequency = browser.find(By.id("figure-frequency")).getText();
            assertThat(frequency).contains("Deployment frequency", "1 successful deployment(s)");
            assertThat(browser.find(By.id("figure-failure-rate")).getText())
                    .contains("Change failure rate", "0.0 %: 0 failure(s) among 1 finished deployment(s)");
            assertThat(browser.text()).contains("Lead time for changes", "Failed deployment recovery time");
            assertThat(browser.all(By.cssSelector("#figure-frequency a[href='/deployments/" + production.path("id").asString() + "']")))
                    .hasSize(1);
            awaitCharts(browser);
            browser.assertAccessible().screenshot("metrics");

            browser.open("/metrics?service=" + SERVICE + "&lang=fr");
            assertThat(browser.heading()).isEqualTo("Indicateurs de livraison");
            assertThat(browser.find(By.id("figure-frequency")).getText()).contains("Fréquence de déploiement",
                    "1 déploiement(s) réussi(s)");
            awaitCharts(browser);
            browser.assertAccessible().screenshot("metrics-fr");
        }
    }

    /** Each figure's canvas holds a Chart.js chart (metrics.js drew it from the data the page carries). */
    static void awaitCharts(Browser browser) {
        var js = (JavascriptExecutor) browser.driver();
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(js.executeScript("""
                const canvases = document.querySelectorAll('canvas[data-chart]');
                return canvases.length === 4 && !!window.Chart
                    && Array.from(canvases).every(c => window.Chart.getChart(c) !== undefined && c.width > 0);
                """)));
    }

    /** Waits for the notice; if another answer came (a refusal, an error page), fails with what the page says. */
    static void awaitNotice(Browser browser, String notice) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("messages")).getText().contains(notice));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("releases-promote-failed");
            throw new AssertionError("no notice \"" + notice + "\" at " + browser.driver().getCurrentUrl()
                    + "; the page says:\n" + browser.text(), e);
        }
    }

    static String cell(Browser browser, String environment) {
        return browser.find(By.cssSelector("#release-" + VERSION + " td[data-environment='" + environment + "']")).getText();
    }

    static String api(String path) {
        return Stack.GATEWAY + "/api/v1" + path;
    }

    static List<JsonNode> deployments() {
        var response = Http.get(api("/deployments?service=" + SERVICE), rhea);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var items = new java.util.ArrayList<JsonNode>();
        response.body().forEach(items::add);
        return items;
    }

    static JsonNode awaitDeployment(String environment, Predicate<JsonNode> matches) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> deployments().stream().filter(d -> environment.equals(d.path("environment").asString())
                        && "DEPLOY".equals(d.path("kind").asString()) && matches.test(d)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The change raised for a deployment, once change-service raised it. */
    static JsonNode awaitChange(String deploymentId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = Http.get(api("/changes?service=" + SERVICE), rhea);
            if (response.status() != 200) {
                return Optional.<JsonNode>empty();
            }
            for (JsonNode change : response.body()) {
                if (deploymentId.equals(change.path("deploymentId").asString())) {
                    return Optional.of(change);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }
}
