package io.passerelle.integrationservice.chatops.adapter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.integrationservice.chatops.ChatKind;
import io.passerelle.integrationservice.chatops.NotificationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped templates, values that would break JSON, an operator's override, and templates refused at start-up. */
class MustacheMessageTemplatesTest {

    static final String TITLE = "Deploy \"payments\" 1.4.2 \\ <!channel> & <https://evil|click>\nnow";
    final JsonMapper json = JsonMapper.builder().build();

    Map<String, Object> waiting() {
        var values = new HashMap<String, Object>();
        values.put("changeId", "6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
        values.put("url", "http://127.0.0.1:8080/changes/6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
        values.put("title", TITLE);
        values.put("service", "payments");
        values.put("environment", "production");
        values.put("requestedBy", "pipeline:octocat");
        values.put("channel", "payments-prod");
        values.put("actionsUrl", "http://127.0.0.1:8080/webhooks/mattermost/actions");
        values.put("actionToken", "@@token@@");
        values.put("risk", Map.of("score", 47, "factors", List.of(Map.of("name", "open-incidents",
                "explanation", "1 P2 incident open"))));
        return values;
    }

    @Test
    void every_shipped_template_renders_json_and_a_hostile_title_stays_a_string() {
        var templates = new MustacheMessageTemplates(null, json);

        JsonNode slack = json.readTree(templates.render(NotificationKind.CHANGE_WAITING, ChatKind.SLACK, waiting()));
        assertThat(slack.get("text").asString()).contains("Deploy \"payments\" 1.4.2 \\ &lt;!channel&gt; &amp;");
        assertThat(slack.at("/blocks/0/text/text").asString()).contains("*Risk 47/100*", "1 P2 incident open",
                "<http://127.0.0.1:8080/changes/6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b|Deploy")
                .doesNotContain("<!channel>");
        var buttons = slack.at("/blocks/1/elements");
        assertThat(buttons.get(0).get("action_id").asString()).isEqualTo("passerelle.change.approve");
        assertThat(buttons.get(0).get("value").asString()).isEqualTo("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
        assertThat(buttons.get(1).get("action_id").asString()).isEqualTo("passerelle.change.reject");

        JsonNode mattermost = json.readTree(templates.render(NotificationKind.CHANGE_WAITING, ChatKind.MATTERMOST,
                waiting()));
        assertThat(mattermost.at("/attachments/0/title").asString()).isEqualTo(TITLE);
        var context = mattermost.at("/attachments/0/actions/0/integration/context");
        assertThat(context.get("action").asString()).isEqualTo("change.approve");
        assertThat(context.get("channel").asString()).isEqualTo("payments-prod");
        assertThat(context.get("token").asString()).isEqualTo("@@token@@");
        assertThat(context.get("changeId").asString()).isEqualTo("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
        assertThat(mattermost.at("/attachments/0/actions/0/integration/url").asString())
                .isEqualTo("http://127.0.0.1:8080/webhooks/mattermost/actions");
    }

    @Test
    void an_incident_without_a_suspect_has_no_buttons_and_one_with_a_suspect_has_both() {
        var templates = new MustacheMessageTemplates(null, json);
        var values = new HashMap<String, Object>(Map.of("incidentId", "i-1", "title", "5xx", "priority", "P1",
                "url", "u"));

        assertThat(json.readTree(templates.render(NotificationKind.INCIDENT_OPENED, ChatKind.SLACK, values))
                .get("blocks")).hasSize(1);

        values.put("suspect", Map.of("deploymentId", "d-7", "version", "1.4.2"));
        var slack = json.readTree(templates.render(NotificationKind.INCIDENT_OPENED, ChatKind.SLACK, values));
        assertThat(slack.at("/blocks/1/elements/0/action_id").asString()).isEqualTo("passerelle.suspect.confirm");
        assertThat(slack.at("/blocks/1/elements/0/value").asString()).isEqualTo("i-1:d-7");
        assertThat(slack.at("/blocks/1/elements/1/action_id").asString()).isEqualTo("passerelle.rollback.start");
        assertThat(slack.at("/blocks/1/elements/1/value").asString()).isEqualTo("i-1:d-7");
    }

    @Test
    void an_operator_s_template_replaces_the_shipped_one_file_by_file(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("change-failed.slack.json"), "{\"text\": \"{{service}} failed: {{reason}}\"}");
        var templates = new MustacheMessageTemplates(dir, json);

        assertThat(json.readTree(templates.render(NotificationKind.CHANGE_FAILED, ChatKind.SLACK,
                Map.of("service", "payments", "reason", "a \"quoted\" reason"))).get("text").asString())
                .isEqualTo("payments failed: a \"quoted\" reason");
        assertThat(templates.render(NotificationKind.CHANGE_FAILED, ChatKind.MATTERMOST, Map.of()))
                .contains("attachments");
    }

    @Test
    void a_template_that_renders_invalid_json_is_refused_at_start_up_naming_its_file(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("change-held.mattermost.json"), "{\"text\": \"held until {{heldUntil}}\",}");

        assertThatThrownBy(() -> new MustacheMessageTemplates(dir, json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat template " + dir.resolve("change-held.mattermost.json"))
                .hasMessageContaining("renders invalid JSON");
    }

    @Test
    void a_value_outside_a_json_string_or_an_unescaped_tag_is_refused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("change-held.slack.json"), "{\"text\": {{reason}} }");
        assertThatThrownBy(() -> new MustacheMessageTemplates(dir, json))
                .hasMessageContaining("change-held.slack.json").hasMessageContaining("renders invalid JSON");

        Files.writeString(dir.resolve("change-held.slack.json"), "{\"text\": \"{{{reason}}}\"}");
        assertThatThrownBy(() -> new MustacheMessageTemplates(dir, json))
                .hasMessageContaining("change-held.slack.json").hasMessageContaining("unescaped tag");
    }
}
