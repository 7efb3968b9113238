package io.passerelle.changeservice;

import static io.passerelle.changeservice.Catalogued.expectProblem;
import static io.passerelle.platform.test.EventContracts.assertConforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.passerelle.platform.security.ActingUser;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Decisions taken from chat (ADR 0026): integration-service's bridge calls the same endpoint with its own token and the
 * acting user in headers; the same roles and segregation of duties apply as to the user's own token.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ChatBridgeIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    private final String service = "chat-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void the_bridge_acting_for_alice_approves_and_alice_is_recorded() throws Exception {
        var id = raisedBy("rhea");

        mvc.perform(approve(id).with(bridge()).header(ActingUser.USER_HEADER, "alice")
                        .header(ActingUser.ROLES_HEADER, "change-manager"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"));

        mvc.perform(get("/api/v1/changes/{id}", id).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.approvals[0].by").value("alice"))
                .andExpect(jsonPath("$.auditTrail[3].action").value("APPROVED"))
                .andExpect(jsonPath("$.auditTrail[3].by").value("alice"));
    }

    @Test
    void the_bridge_acting_for_the_requester_is_refused_for_segregation_of_duties() throws Exception {
        var id = raisedBy("alice");

        expectProblem(mvc.perform(approve(id).with(bridge()).header(ActingUser.USER_HEADER, "alice")
                .header(ActingUser.ROLES_HEADER, "change-manager")), 403, "segregation-of-duties");

        mvc.perform(get("/api/v1/changes/{id}", id).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.approvals.length()").value(0));
    }

    @Test
    void the_bridge_alone_has_no_role_that_decides() throws Exception {
        var id = raisedBy("rhea");

        expectProblem(mvc.perform(approve(id).with(bridge())), 400, "bad-request");
        expectProblem(mvc.perform(approve(id).with(bridge()).header(ActingUser.USER_HEADER, "alice")
                .header(ActingUser.ROLES_HEADER, "chat-bridge")), 403, "forbidden");
    }

    @Test
    void a_user_without_the_bridge_role_gains_nothing_from_the_headers() throws Exception {
        var id = raisedBy("rhea");

        expectProblem(mvc.perform(approve(id).with(TestJwts.user("nora", "service-desk"))
                .header(ActingUser.USER_HEADER, "alice").header(ActingUser.ROLES_HEADER, "change-manager")), 403,
                "forbidden");

        mvc.perform(get("/api/v1/changes/{id}", id).with(TestJwts.user("sam", "service-desk")))
                .andExpect(jsonPath("$.approvals.length()").value(0));
    }

    private String raisedBy(String requester) throws Exception {
        Catalogued.register(events, jdbc, service, "staging", "production");
        var body = mvc.perform(post("/api/v1/changes")
                        .with(TestJwts.user(requester, "change-manager", "release-manager"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"service":"%s","environment":"production","title":"Rotate the database password",
                                 "type":"NORMAL","description":"quarterly rotation"}""".formatted(service)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertConforms(events.await("change.raised.v1", data -> data.get("changeId").asString().equals(id)));
        return id;
    }

    private static MockHttpServletRequestBuilder approve(String id) {
        return post("/api/v1/changes/{id}/approve", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"from chat\"}");
    }

    private static RequestPostProcessor bridge() {
        return TestJwts.user("service-account-passerelle-chatops", Map.of("azp", "passerelle-chatops"),
                ActingUser.BRIDGE_ROLE);
    }
}
