package io.passerelle.releaseservice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.passerelle.platform.test.TestJwts;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service most integration tests start from, registered through the API by a release manager: staging (order 10,
 * no approval), then production (order 20, approval), each with its webhook deploy target.
 */
public final class Catalogued {

    public static final String STAGING_URL = "https://deploy.example/staging";
    public static final String PRODUCTION_URL = "https://deploy.example/production";

    private Catalogued() {
    }

    /** Registers {@code service} (repository {@code acme/<service>}); fails the test unless it is created. */
    public static void register(MockMvc mvc, String service) throws Exception {
        mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret",
                         "environments":[
                           {"name":"staging","order":10,"requiresApproval":false,
                            "deployTarget":{"type":"webhook","url":"%s"}},
                           {"name":"production","order":20,"requiresApproval":true,
                            "deployTarget":{"type":"webhook","url":"%s"}}]}"""
                        .formatted(service, service, STAGING_URL, PRODUCTION_URL)))
                .andExpect(status().isCreated());
    }
}
