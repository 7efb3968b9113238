package io.passerelle.releaseservice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.platform.test.TestJwts;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The integration tests' service, registered by a release manager over HTTP as any client does. */
public final class Catalogued {

    public static final String STAGING_URL = "https://deploy.example/staging";
    public static final String PRODUCTION_URL = "https://deploy.example/production";

    private Catalogued() {
    }

    /**
     * A new service named {@code prefix-<random>} (repository {@code acme/<name>}, branch main): staging (order 10, no
     * approval) requiring {@code stagingChecks}, then production (order 20, approval) requiring none; returns its name.
     */
    public static String register(MockMvc mvc, String prefix, List<String> stagingChecks) throws Exception {
        return register(mvc, prefix, """
                {"name":"staging","order":10,"requiresApproval":false,
                 "deployTarget":{"type":"webhook","url":"%s"},"requiredChecks":[%s]},
                {"name":"production","order":20,"requiresApproval":true,
                 "deployTarget":{"type":"webhook","url":"%s"}}""".formatted(STAGING_URL, stagingChecks.stream()
                .map(c -> "\"" + c + "\"").collect(Collectors.joining(",")), PRODUCTION_URL));
    }

    /** A new service named {@code prefix-<random>} with these environments (JSON objects, comma-separated): its name. */
    public static String register(MockMvc mvc, String prefix, String environments) throws Exception {
        var name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret","environments":[%s]}"""
                        .formatted(name, name, environments)))
                .andExpect(status().isCreated());
        return name;
    }
}
