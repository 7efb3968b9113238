package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiUrlTest {

    final ApiUrl github = new ApiUrl("https://api.github.com");
    final ApiUrl enterprise = new ApiUrl("https://ghe.example.com/api/v3/");

    @Test
    void the_callback_of_the_real_capture_gives_its_run_id() {
        assertThat(github.runId("https://api.github.com/repos/product-os/deploynaut/actions/runs/12201231746"
                + "/deployment_protection_rule", "product-os/deploynaut")).isEqualTo(12201231746L);
    }

    @Test
    void host_scheme_and_repository_compare_ignoring_case_and_the_default_port_may_be_written() {
        assertThat(github.runId("HTTPS://API.GitHub.com:443/repos/Product-OS/Deploynaut/actions/runs/7"
                + "/deployment_protection_rule", "product-os/deploynaut")).isEqualTo(7L);
    }

    @Test
    void an_enterprise_server_callback_lies_under_its_api_path() {
        assertThat(enterprise.runId("https://ghe.example.com/api/v3/repos/acme/payments/actions/runs/42"
                + "/deployment_protection_rule", "acme/payments")).isEqualTo(42L);
        assertThatThrownBy(() -> enterprise.runId("https://ghe.example.com/repos/acme/payments/actions/runs/42"
                + "/deployment_protection_rule", "acme/payments")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://evil.example/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "http://api.github.com/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "https://api.github.com:8443/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "https://api.github.com.evil.example/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "https://token@api.github.com/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "https://api.github.com/repos/acme/payments/actions/runs/1/deployment_protection_rule?x=1",
            "https://api.github.com/repos/acme/payments/actions/runs/1/deployment_protection_rule#x",
            "https://api.github.com/repos/acme/payments/actions/runs/1/pending_deployments",
            "https://api.github.com/repos/acme/payments/actions/runs/x/deployment_protection_rule",
            "https://api.github.com/repos/acme/payments/actions/runs/0/deployment_protection_rule",
            "https://api.github.com/repos/acme/other/actions/runs/1/deployment_protection_rule",
            "https://api.github.com/repos/../payments/actions/runs/1/deployment_protection_rule",
            "https://api.github.com/repos/acme/payments/actions/runs/1/deployment_protection_rule/",
            "https://api.github.com/repos/acme%2Fpayments/actions/runs/1/deployment_protection_rule",
            "https://api.github.com/app/installations/1/access_tokens",
            "/repos/acme/payments/actions/runs/1/deployment_protection_rule",
            "not a url" })
    void anything_but_this_apis_review_endpoint_for_the_repository_is_refused(String callback) {
        assertThatThrownBy(() -> github.runId(callback, "acme/payments"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("deployment_callback_url " + callback + " ")
                .hasMessageEndingWith(": Passerelle sends its installation token to the GitHub API only");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://api.github.com        | https://api.github.com/app/installations/57923423/access_tokens
            https://api.github.com/       | https://api.github.com/app/installations/57923423/access_tokens
            https://ghe.example.com/api/v3 | https://ghe.example.com/api/v3/app/installations/57923423/access_tokens
            http://127.0.0.1:8089          | http://127.0.0.1:8089/app/installations/57923423/access_tokens
            """)
    void installation_tokens_are_asked_for_under_the_api_url(String api, String tokens) {
        assertThat(new ApiUrl(api).accessTokens(57923423L)).isEqualTo(tokens);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "api.github.com", "ftp://api.github.com", "https://api.github.com?x=1",
            "https://user@api.github.com" })
    void an_api_url_that_is_not_an_http_url_is_refused_at_start_up(String api) {
        assertThatThrownBy(() -> new ApiUrl(api)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passerelle.github.api-url");
    }
}
