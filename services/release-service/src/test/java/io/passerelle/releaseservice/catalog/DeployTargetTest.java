package io.passerelle.releaseservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployTargetTest {

    static DeployTarget target(String type, Map<String, String> settings, String credential) {
        return new DeployTarget(type, URI.create("https://vendor.example"), settings, credential);
    }

    @Test
    void each_executor_type_is_taken_with_its_required_settings_and_a_credential() {
        assertThat(target("argocd", Map.of("application", "payments"), "sealed").settings())
                .containsExactly(Map.entry("application", "payments"));
        assertThat(target("argocd", Map.of("application", "payments", "project", "shop"), "sealed").settings())
                .containsEntry("project", "shop");
        assertThat(target("github", Map.of(), "sealed").settings()).isEmpty();
        assertThat(target("github", Map.of("repository", "acme/payments-deploy", "environment", "Production"),
                "sealed").settings()).hasSize(2);
        assertThat(target("jenkins", Map.of("job", "deploy/payments", "user", "passerelle"), "sealed").settings())
                .hasSize(2);
        assertThat(target("awx", Map.of("jobTemplateId", "42"), "sealed").settings()).hasSize(1);
        assertThat(DeployTarget.webhook("https://deploy.example/hook").credentialSealed()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ssh     | {}                                  | sealed | type: 'ssh' is not an executor type (one of [webhook, argocd, github, jenkins, awx])",
            "argocd  | {}                                  | sealed | settings.application: required for type argocd (an Argo CD application name)",
            "argocd  | {application=payments,revision=x}   | sealed | settings.revision: not a setting of type argocd (it takes [application, project])",
            "webhook | {application=payments}              |        | settings.application: not a setting of type webhook (it takes none)",
            "jenkins | {job=deploy/payments}               | sealed | settings.user: required for type jenkins (a Jenkins user id)",
            "jenkins | {job=deploy//payments,user=ci}      | sealed | settings.job: 'deploy//payments' is not a Jenkins job's full name, folders separated by slashes (at most 200 characters)",
            "awx     | {jobTemplateId=0}                   | sealed | settings.jobTemplateId: '0' is not an AWX job template id (at most 200 characters)",
            "awx     | {jobTemplateId=forty-two}           | sealed | settings.jobTemplateId: 'forty-two' is not an AWX job template id (at most 200 characters)",
            "github  | {repository=no-slash}               | sealed | settings.repository: 'no-slash' is not owner/repo (at most 200 characters)",
            "argocd  | {application=payments}              |        | credential: required for type argocd (an Argo CD bearer token: an account's API key or a project role's JWT)",
            "awx     | {jobTemplateId=42}                  |        | credential: required for type awx (an AWX OAuth2 bearer token of a user with Execute on the job template)",
            "webhook | {}                                  | sealed | credential: type webhook takes none (its calls are signed with the service's webhook secret)" })
    void a_target_its_type_does_not_allow_is_refused_naming_the_field(String type, String settings,
            String credential, String message) {
        assertThatThrownBy(() -> target(type, parse(settings), credential))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void a_vendor_url_must_be_absolute_http_s() {
        assertThatThrownBy(() -> new DeployTarget("argocd", URI.create("ftp://argocd.example"),
                Map.of("application", "payments"), "sealed")).hasMessage("url: ftp://argocd.example is not an"
                        + " absolute http(s) URL with a host");
    }

    @Test
    void the_credential_is_never_in_its_text_even_sealed() {
        assertThat(target("argocd", Map.of("application", "payments"), "sealed-credential-bytes").toString())
                .doesNotContain("sealed-credential-bytes").contains("credential sealed");
    }

    private static Map<String, String> parse(String settings) {
        var inner = settings.substring(1, settings.length() - 1);
        var map = new java.util.LinkedHashMap<String, String>();
        if (!inner.isBlank()) {
            for (var pair : inner.split(",")) {
                var kv = pair.split("=", 2);
                map.put(kv[0], kv[1]);
            }
        }
        return map;
    }
}
