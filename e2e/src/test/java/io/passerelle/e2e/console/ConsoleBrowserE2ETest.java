package io.passerelle.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.passerelle.e2e.SharedStack;
import io.passerelle.e2e.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's frame in a real browser: the login on Keycloak's own page (authorization code with PKCE), a session
 * cookie and no token in the browser, the sections each role sees, English and French, logout ending Keycloak's
 * session too, and clear pages for a user without a role.
 */
@ExtendWith(SharedStack.class)
class ConsoleBrowserE2ETest {

    @Test
    void no_page_is_served_without_a_login() throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : new String[] {"/", "/approvals", "/incidents", "/metrics", "/live"}) {
            var response = http.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // 303 See Other: the console's redirects are relative (Spring's RelativeRedirectFilter behind a proxy)
            assertThat(response.statusCode()).as(page).isIn(303, 401);
            if (response.statusCode() == 303) {
                assertThat(response.headers().firstValue("Location")).as(page).hasValue("/oauth2/authorization/keycloak");
            }
        }
        try (var browser = new Browser()) {
            browser.open("/incidents");
            assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
            assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.KEYCLOAK + "/realms/passerelle/")
                    .contains("code_challenge_method=S256").contains("client_id=passerelle-console");
        }
    }

    @Test
    void a_user_logs_in_on_keycloaks_page_and_the_browser_holds_a_session_cookie_but_no_token() {
        try (var browser = new Browser()) {
            browser.login("alice");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(Stack.GATEWAY + "/approvals");
            assertThat(browser.find(By.cssSelector(".who")).getText()).isEqualTo("Signed in as alice");

            var session = browser.driver().manage().getCookieNamed("PASSERELLE_CONSOLE");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            var js = (JavascriptExecutor) browser.driver();
            assertThat((String) js.executeScript("return document.cookie")).doesNotContain("PASSERELLE_CONSOLE");
            assertThat((Long) js.executeScript("return window.localStorage.length + window.sessionStorage.length")).isZero();
            assertThat(browser.driver().getPageSource()).doesNotContain("eyJ"); // no JWT anywhere in the page
            browser.driver().manage().getCookies().forEach(cookie -> assertThat(cookie.getValue()).doesNotStartWith("eyJ"));
        }
    }

    @Test
    void each_role_sees_the_sections_it_can_use() {
        try (var browser = new Browser()) {
            browser.login("sam");
            assertThat(navigation(browser)).containsExactly("Change calendar", "Releases", "Incidents", "Problems",
                    "Service catalog");
            browser.logout();
        }
        try (var browser = new Browser()) {
            browser.login("otto");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(Stack.GATEWAY + "/incidents");
            assertThat(navigation(browser)).containsExactly("Incidents", "Problems");
        }
        try (var browser = new Browser()) {
            browser.login("alice");
            assertThat(navigation(browser)).containsExactly("Approvals", "Change calendar", "Releases", "Incidents",
                    "Problems", "Service catalog", "Delivery metrics");
        }
    }

    @Test
    void a_user_without_a_role_gets_a_page_that_says_so_and_a_page_their_roles_may_not_use_says_so_too() {
        try (var browser = new Browser()) {
            browser.login("nora");
            assertThat(browser.heading()).isEqualTo("Nothing to show for your roles");
            assertThat(navigation(browser)).isEmpty();
            browser.assertAccessible().screenshot("no-role");
        }
        try (var browser = new Browser()) {
            browser.login("oscar"); // operator: the metrics only
            browser.open("/approvals").settle();
            assertThat(browser.heading()).isEqualTo("Your roles do not allow this");
            assertThat(browser.text()).contains("Status 403").doesNotContain("Exception").doesNotContain("at io.");
            browser.assertAccessible();
        }
    }

    @Test
    void the_console_speaks_the_browsers_language_and_switches_on_request() {
        try (var browser = new Browser("fr-FR")) {
            browser.login("sam");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(navigation(browser)).contains("Calendrier des changements", "Catalogue de services");
            assertThat(browser.find(By.id("logout")).getText()).isEqualTo("Se déconnecter");

            new Select(browser.find(By.id("lang"))).selectByValue("en");
            browser.awaitText("Log out");
            assertThat(navigation(browser)).contains("Change calendar", "Service catalog");
            browser.open("/incidents"); // the choice is kept (cookie) over the browser's language
            assertThat(browser.find(By.id("logout")).getText()).isEqualTo("Log out");
        }
    }

    @Test
    void logout_ends_the_keycloak_session_too() {
        try (var browser = new Browser()) {
            browser.login("rhea");
            browser.logout();
            browser.open("/releases");
            // not silently logged in again: Keycloak asks for the password
            assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
            assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.KEYCLOAK);
            browser.signIn("rhea");
            assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.GATEWAY + "/releases");
        }
    }

    static java.util.List<String> navigation(Browser browser) {
        return browser.all(By.cssSelector("#nav a")).stream().map(a -> a.getText()).toList();
    }
}
