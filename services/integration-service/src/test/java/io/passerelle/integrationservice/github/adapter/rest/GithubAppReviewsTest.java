package io.passerelle.integrationservice.github.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.github.ApiUrl;
import io.passerelle.integrationservice.github.FakeGitHub;
import io.passerelle.integrationservice.github.Review;
import io.passerelle.integrationservice.github.ReviewClaim;
import io.passerelle.platform.outbound.HostResolver;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The App's reviews over real HTTP, against a local GitHub that checks the JWT, the headers and the token. */
class GithubAppReviewsTest {

    final FakeGitHub github = newGithub();
    final long installation = ThreadLocalRandom.current().nextLong(1, 1L << 40);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final GithubAppReviews reviews = reviews(OutboundAllowList.parse(java.util.List.of("127.0.0.0/8")));

    static FakeGitHub newGithub() {
        try {
            return new FakeGitHub();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    GithubAppReviews reviews(OutboundAllowList allow) {
        return GithubAppReviews.overHttp(FakeGitHub.APP_ID, github.privateKeyPkcs1Pem(), new ApiUrl(github.url()),
                new OutboundGuard(allow, HostResolver.system()), JsonMapper.builder().build(), Clock.systemUTC(),
                meters, ObservationRegistry.NOOP, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        reviews.close();
        github.close();
    }

    ReviewClaim claim(long runId, Review.State state) {
        return new ReviewClaim(UUID.randomUUID(), installation, github.callbackUrl("acme/payments", runId),
                "Production", new Review(state, "Passerelle allowed this deployment."), 0, null, Instant.now(),
                Instant.now().plusSeconds(60), Map.of());
    }

    @Test
    void a_review_is_sent_with_an_installation_token_obtained_with_the_apps_jwt() {
        var outcome = reviews.review(claim(1, Review.State.APPROVED), () -> true);

        assertThat(outcome).isEqualTo(new CallOutcome.Accepted(204));
        assertThat(github.refusedTokens()).isEmpty();
        assertThat(github.tokensIssued()).containsExactly(installation);
        assertThat(github.reviews(1)).singleElement().satisfies(review -> {
            assertThat(review.headers()).containsEntry("content-type", "application/json; charset=UTF-8")
                    .containsEntry("accept", "application/vnd.github+json")
                    .containsEntry("x-github-api-version", "2022-11-28")
                    .containsKey("user-agent");
            assertThat(review.body().propertyNames()).containsExactlyInAnyOrder("environment_name", "state", "comment");
            assertThat(review.body().get("state").asString()).isEqualTo("approved");
        });
        assertThat(meters.counter("passerelle.github.reviews", "outcome", "accepted").count()).isEqualTo(1);
    }

    @Test
    void the_installation_token_is_reused_until_shortly_before_it_expires() {
        reviews.review(claim(2, Review.State.APPROVED), () -> true);
        reviews.review(claim(3, Review.State.REJECTED), () -> true);

        assertThat(github.tokensIssued()).as("one token for both reviews").containsExactly(installation);
        assertThat(github.reviews(3)).singleElement()
                .satisfies(review -> assertThat(review.body().get("state").asString()).isEqualTo("rejected"));
    }

    @Test
    void a_token_github_no_longer_honours_is_dropped_and_the_attempt_is_worth_retrying() {
        reviews.review(claim(4, Review.State.APPROVED), () -> true);
        github.revoke(github.reviews(4).getFirst().authorization().substring("Bearer ".length()));

        var refused = reviews.review(claim(5, Review.State.APPROVED), () -> true);
        var again = reviews.review(claim(5, Review.State.APPROVED), () -> true);

        assertThat(refused).isInstanceOfSatisfying(CallOutcome.Unavailable.class, u -> assertThat(u.what())
                .isEqualTo("refused the installation token (HTTP 401: Bad credentials); a new one is asked for at"
                        + " the next attempt"));
        assertThat(again).isEqualTo(new CallOutcome.Accepted(204));
        assertThat(github.tokensIssued()).hasSize(2);
    }

    @Test
    void a_5xx_is_worth_retrying_and_another_4xx_is_final() {
        github.answerReviews(6, 503);
        github.answerReviews(7, 422);

        assertThat(reviews.review(claim(6, Review.State.APPROVED), () -> true))
                .isEqualTo(new CallOutcome.Unavailable("answered HTTP 503: Server Error"));
        assertThat(reviews.review(claim(7, Review.State.APPROVED), () -> true))
                .isEqualTo(new CallOutcome.Refused("answered HTTP 422: Server Error"));
    }

    @Test
    void an_app_key_github_does_not_know_gets_no_token_and_the_review_fails_for_good() throws Exception {
        try (var other = FakeGitHub.withNewAppKey(); var impostor = GithubAppReviews.overHttp(FakeGitHub.APP_ID,
                other.privateKeyPkcs8Pem(), new ApiUrl(github.url()), new OutboundGuard(
                        OutboundAllowList.parse(java.util.List.of("127.0.0.0/8")), HostResolver.system()),
                JsonMapper.builder().build(), Clock.systemUTC(), meters, ObservationRegistry.NOOP, Duration.ofSeconds(2),
                Duration.ofSeconds(5))) {
            var outcome = impostor.review(claim(8, Review.State.APPROVED), () -> true);

            assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Refused.class, r -> assertThat(r.what())
                    .startsWith("answered HTTP 401: the JWT's signature does not verify").contains("installation "
                            + installation));
            assertThat(github.reviews(8)).isEmpty();
        }
    }

    @Test
    void the_outbound_guard_judges_github_at_each_call() {
        try (var guarded = reviews(OutboundAllowList.parse(java.util.List.of()))) {
            var outcome = guarded.review(claim(9, Review.State.APPROVED), () -> true);

            assertThat(outcome).isInstanceOfSatisfying(CallOutcome.NotCalled.class, n -> assertThat(n.reason())
                    .startsWith("GitHub URL " + github.callbackUrl("acme/payments", 9) + " refused by the outbound"
                            + " guard"));
            assertThat(github.tokensIssued()).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nothing_is_sent_when_the_claim_no_longer_holds() {
        assertThat(reviews.review(claim(10, Review.State.APPROVED), () -> false)).isInstanceOf(CallOutcome.Withdrawn.class);
        assertThat(github.tokensIssued()).isEmpty();
        assertThat(github.reviews(10)).isEmpty();
    }

    @Test
    void without_an_app_no_review_can_be_sent() throws Exception {
        try (var none = GithubAppReviews.overHttp(null, null, new ApiUrl(github.url()), new OutboundGuard(
                OutboundAllowList.parse(java.util.List.of()), HostResolver.system()), JsonMapper.builder().build(),
                Clock.systemUTC(), meters, ObservationRegistry.NOOP, Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            assertThat(none.review(claim(11, Review.State.APPROVED), () -> true))
                    .isInstanceOfSatisfying(CallOutcome.NotCalled.class,
                            n -> assertThat(n.reason()).startsWith("no GitHub App is configured"));
        }
    }
}
