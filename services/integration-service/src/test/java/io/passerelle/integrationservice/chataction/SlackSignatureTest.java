package io.passerelle.integrationservice.chataction;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Slack's v0 signature, checked against the example of Slack's own documentation (computed independently there). */
class SlackSignatureTest {

    // api.slack.com/authentication/verifying-requests-from-slack: the example request, secret and signature
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static final Instant THEN = Instant.ofEpochSecond(1531420618);
    static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void slacks_own_example_verifies_and_is_what_sign_makes() {
        assertThatCode(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(30), WINDOW))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void a_timestamp_more_than_five_minutes_away_either_way_is_refused() {
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY,
                THEN.plus(Duration.ofMinutes(5)).plusSeconds(1), WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class).hasMessageContaining("outside the 300 s window");
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY,
                THEN.minus(Duration.ofMinutes(6)), WINDOW)).isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatCode(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plus(WINDOW), WINDOW))
                .doesNotThrowAnyException();
    }

    @Test
    void another_secret_body_timestamp_or_version_is_refused() {
        assertThatThrownBy(() -> SlackSignature.verify("another-secret", TIMESTAMP, SIGNATURE, BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, "x".getBytes(), THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, "1531420619", SIGNATURE, BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.replace("v0=", "v1="), BODY, THEN,
                WINDOW)).isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.toUpperCase(), BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
    }

    @Test
    void a_missing_or_malformed_header_is_refused() {
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, null, SIGNATURE, BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, TIMESTAMP, null, BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SECRET, "-1", SIGNATURE, BODY, THEN, WINDOW))
                .isInstanceOf(UnauthenticatedChatRequestException.class);
    }
}
