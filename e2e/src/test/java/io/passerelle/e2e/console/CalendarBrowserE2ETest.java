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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The change calendar in a real browser against the e2e stack: alice declares a freeze window from now on for a
 * service's staging; a pipeline's deployment there is held, and the calendar shows the window (month and week) and
 * the held deployment with when it resumes; alice ends the window in the browser and the deployment goes out.
 */
@ExtendWith(SharedStack.class)
class CalendarBrowserE2ETest {

    static final String SERVICE = "calendar-shop";
    static final String SECRET = "calendar-shop-webhook-secret-0123456789";
    static final String SHA = "ca1e0da5ca1e0da5ca1e0da5ca1e0da5ca1e0da5";
    static final String RUN = "https://ci.example/octo-org/calendar-shop/actions/runs/77";
    static final String WINDOW = "Calendar-shop stocktake";

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
    void a_freeze_declared_in_the_calendar_holds_a_deployment_which_goes_out_when_it_is_ended_there() {
        String alice = tokens.user("alice");
        var registered = Http.post(api("/services"), tokens.user("rhea"), Map.of("name", SERVICE,
                "repository", "octo-org/" + SERVICE, "defaultBranch", "main", "webhookSecret", SECRET,
                "environments", List.of(env("staging", 1, false), env("production", 2, true))));
        assertThat(registered.status()).as(registered.raw()).isIn(201, 409);

        try (var browser = new Browser()) {
            browser.login("alice").open("/calendar").awaitText("Declare a freeze window");
            browser.type(By.id("fw-name"), WINDOW)
                    .type(By.id("fw-reason"), "the yearly stocktake: nothing moves in staging")
                    .type(By.id("fw-services"), SERVICE)
                    .type(By.id("fw-environments"), "staging");
            // the form starts this minute, for two hours: the window covers now. change-service may not know the
            // service for a moment after its registration; the refusal then says so and the form is sent again.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.click(By.id("declare-submit"));
                return browser.text().contains("is declared");
            });
            String windowId = activeWindow(alice).path("id").asString();
            assertThat(browser.find(By.id("window-" + windowId)).getText()).contains(WINDOW, SERVICE + " · staging");

            String pipeline = tokens.pipeline();
            var gate = Http.post(api("/gates"), pipeline, Map.of("service", SERVICE, "environment", "staging",
                    "commitSha", SHA, "runUrl", RUN, "actor", "Codertocat"));
            assertThat(gate.status()).as(gate.raw()).isEqualTo(201);
            String gateId = gate.body().path("id").asString();
            JsonNode held = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    changes(alice).filter(c -> !c.path("hold").isMissingNode()), Optional::isPresent).orElseThrow();
            assertThat(held.path("hold").path("windows").get(0).asString()).isEqualTo(WINDOW);

            // the held change arrives through the live update (sse:change), or on a reload
            browser.awaitTextReloading(held.path("title").asString(), Duration.ofSeconds(30));
            String heldRow = browser.find(By.cssSelector("#held tbody")).getText();
            assertThat(heldRow).contains(held.path("title").asString(), SERVICE + " · staging", WINDOW);
            assertThat(browser.all(By.cssSelector("#held a[href='/deployments/" + held.path("deploymentId").asString() + "']")))
                    .isNotEmpty();
            assertThat(browser.find(By.cssSelector("li.day.today")).getText()).contains("Freeze", WINDOW);
            assertThat(browser.find(By.id("feed")).getAttribute("href")).contains("/calendar/feed.ics");
            browser.assertAccessible();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", browser.find(By.cssSelector("li.day.today")));
            browser.screenshot("calendar-month");

            browser.click(By.id("view-week"));
            sees(browser, "Next week");
            assertThat(browser.find(By.cssSelector("li.day.today")).getText()).contains(WINDOW, "from ");
            browser.assertAccessible().screenshot("calendar-week");
            assertThat(Http.get(api("/gates/" + gateId), pipeline).body().path("decision").asString()).isEqualTo("HELD");

            browser.find(By.id("end-" + windowId)).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            browser.settle();
            sees(browser, "is ended");
            browser.awaitTextReloading("No change or deployment is held", Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "ALLOWED".equals(Http.get(api("/gates/" + gateId), pipeline).body().path("decision").asString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> "IN_PROGRESS".equals(Http.get(
                    api("/deployments/" + held.path("deploymentId").asString()), alice).body().path("state").asString()));
        }
    }

    static Optional<JsonNode> changes(String token) {
        var response = Http.get(api("/changes?service=" + SERVICE + "&state=SCHEDULED"), token);
        return response.status() != 200 ? Optional.empty()
                : StreamSupport.stream(response.body().spliterator(), false).findFirst();
    }

    static JsonNode activeWindow(String token) {
        return StreamSupport.stream(Http.get(api("/freeze-windows?active=true"), token).body().spliterator(), false)
                .filter(w -> WINDOW.equals(w.path("name").asString())).findFirst().orElseThrow();
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
            browser.screenshot("calendar-failure");
            throw new AssertionError("expected \"" + text + "\" on " + browser.driver().getCurrentUrl() + ", the page shows:\n"
                    + browser.text(), e);
        }
    }

    static String api(String path) {
        return Stack.GATEWAY + "/api/v1" + path;
    }
}
