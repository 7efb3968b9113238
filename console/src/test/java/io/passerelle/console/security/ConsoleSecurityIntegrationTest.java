package io.passerelle.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The backend-for-frontend's edges, in the real application context (with the machine's RabbitMQ for live updates):
 * nothing without a login, the login is an authorization code request with PKCE to the realm, CSRF on every form,
 * the language chosen from the browser or switched, and a user with no role sees a page that says so.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleSecurityIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    @Test
    void no_page_is_served_without_a_login() throws Exception {
        for (String page : new String[] {"/", "/approvals", "/incidents/42", "/metrics"}) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        }
    }

    @Test
    void an_htmx_request_or_the_live_stream_without_a_session_is_told_so_rather_than_sent_a_login_page() throws Exception {
        mvc.perform(get("/approvals").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/oauth2/authorization/keycloak"));
        mvc.perform(get("/live").header("Accept", "text/event-stream")).andExpect(status().isUnauthorized());
    }

    @Test
    void the_login_is_an_authorization_code_request_with_pkce_to_the_realm() throws Exception {
        var location = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("http://127.0.0.1:8180/realms/passerelle/protocol/openid-connect/auth?");
        Map<String, String> query = UriComponentsBuilder.fromUriString(location).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "passerelle-console")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        assertThat(query.get("scope")).contains("openid");
    }

    @Test
    void forms_without_the_csrf_token_are_refused() throws Exception {
        mvc.perform(post("/logout").with(oidcLogin())).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(oidcLogin()).with(csrf())).andExpect(status().isFound());
    }

    @Test
    void logout_ends_the_keycloak_session_too() throws Exception {
        var location = mvc.perform(post("/logout").with(csrf())
                        .with(oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))))
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("http://127.0.0.1:8180/realms/passerelle/protocol/openid-connect/logout?")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
    }

    @Test
    void pages_forbid_framing_inline_scripts_and_forms_to_other_sites() throws Exception {
        var csp = mvc.perform(get("/").with(user("nora"))).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("form-action 'self' http://127.0.0.1:8180");
    }

    @Test
    void a_user_is_sent_to_the_first_section_their_roles_use() throws Exception {
        mvc.perform(get("/").with(user("alice", "change-manager"))).andExpect(redirectedUrl("/approvals"));
        mvc.perform(get("/").with(user("sam", "service-desk"))).andExpect(redirectedUrl("/calendar"));
        mvc.perform(get("/").with(user("otto", "on-call"))).andExpect(redirectedUrl("/incidents"));
        mvc.perform(get("/").with(user("oscar", "operator"))).andExpect(redirectedUrl("/metrics"));
    }

    @Test
    void a_user_without_a_role_gets_a_page_that_says_so_in_their_language() throws Exception {
        mvc.perform(get("/").with(user("nora"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nothing to show for your roles")));
        mvc.perform(get("/").with(user("nora")).header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Rien à afficher pour vos rôles")));
        mvc.perform(get("/").with(user("nora")).param("lang", "fr"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"fr\"")));
        mvc.perform(get("/").with(user("nora")).param("lang", "de").header("Accept-Language", "de"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nothing to show for your roles")));
    }

    @Test
    void health_and_the_browser_assets_need_no_login() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx-ext-sse/sse.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        mvc.perform(get("/assets/console.css")).andExpect(status().isOk());
    }

    @Test
    void the_metrics_need_an_operators_bearer_token_as_on_every_app() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_change-manager"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_operator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("passerelle_console_live_streams")));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor user(String name, String... roles) {
        var authorities = java.util.Arrays.stream(roles)
                .map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return oidcLogin().idToken(token -> token.claim("preferred_username", name)).authorities(authorities);
    }
}
