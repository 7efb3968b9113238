package io.passerelle.integrationservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class AlertSourceIntegrationTest {

    static final String SECRET = "a-grafana-secret-of-some-length";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    static MockHttpServletRequestBuilder configure(String source, String body) {
        return put("/api/v1/alert-sources/" + source).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    Map<String, Object> stored() {
        return jdbc.sql("select * from alert_source where source = 'grafana'").query().singleRow();
    }

    @Test
    void an_operator_sets_grafana_s_secret_which_is_kept_sealed_and_never_returned() throws Exception {
        mvc.perform(configure("grafana", "{\"secret\":\"" + SECRET + "\",\"timestampHeader\":\"X-Signed-At\"}")
                        .with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("grafana"))
                .andExpect(jsonPath("$.signatureHeader").value("X-Grafana-Alerting-Signature"))
                .andExpect(jsonPath("$.timestampHeader").value("X-Signed-At"))
                .andExpect(jsonPath("$.secretConfigured").value(true))
                .andExpect(jsonPath("$.updatedBy").value("oscar"))
                .andExpect(jsonPath("$.secret").doesNotExist());

        var row = stored();
        assertThat(row.get("secret_sealed").toString()).doesNotContain(SECRET);
        assertThat(row.get("timestamp_header")).isEqualTo("X-Signed-At");
    }

    @Test
    void only_an_operator_may_and_nothing_is_written_otherwise() throws Exception {
        mvc.perform(configure("grafana", "{\"secret\":\"" + SECRET + "\"}").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk());
        var before = stored();

        mvc.perform(configure("grafana", "{\"secret\":\"another-secret-entirely\"}")
                        .with(TestJwts.user("passerelle-monitoring", "monitoring")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(configure("grafana", "{\"secret\":\"another-secret-entirely\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_source_that_does_not_sign_an_unknown_source_or_a_bad_setting_is_refused_and_writes_nothing()
            throws Exception {
        mvc.perform(configure("grafana", "{\"secret\":\"" + SECRET + "\"}").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk());
        var before = stored();
        var refusals = new Object[][] {
                { "alertmanager", "{\"secret\":\"" + SECRET + "\"}", 422, "rule-violated" },
                { "zabbix", "{\"secret\":\"" + SECRET + "\"}", 404, "not-found" },
                { "grafana", "{\"secret\":\"too-short\"}", 400, "invalid-request" },
                { "grafana", "{\"secret\":\"" + SECRET + "\",\"timestampHeader\":\"X-Grafana-Alerting-Signature\"}",
                        400, "invalid-request" },
                { "grafana", "{\"secret\":\"" + SECRET + "\",\"signatureHeader\":\"X Signature\"}", 400,
                        "invalid-request" },
                { "grafana", "{\"secret\":\"" + SECRET + "\",\"hmac\":true}", 400, "invalid-request" },
                { "grafana", "{}", 400, "invalid-request" },
                { "Grafana", "{\"secret\":\"" + SECRET + "\"}", 400, "invalid-request" } };
        for (var refusal : refusals) {
            mvc.perform(configure((String) refusal[0], (String) refusal[1]).with(TestJwts.user("oscar", "operator")))
                    .andExpect(status().is((int) refusal[2]))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/" + refusal[3]));
        }
        assertThat(stored()).isEqualTo(before);
    }
}
