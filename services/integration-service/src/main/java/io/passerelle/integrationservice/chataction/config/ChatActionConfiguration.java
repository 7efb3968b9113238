package io.passerelle.integrationservice.chataction.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.chataction.AnswerSlackAction;
import io.passerelle.integrationservice.chataction.ConfigureSlackApp;
import io.passerelle.integrationservice.chataction.PerformChatAction;
import io.passerelle.integrationservice.chataction.ReceiveMattermostAction;
import io.passerelle.integrationservice.chataction.ReceiveSlackAction;
import io.passerelle.integrationservice.chataction.adapter.keycloak.ClientCredentials;
import io.passerelle.integrationservice.chataction.adapter.keycloak.GatewayActingCalls;
import io.passerelle.integrationservice.chataction.adapter.keycloak.KeycloakRealmUsers;
import io.passerelle.integrationservice.chataction.adapter.slack.SlackResponseUrl;
import io.passerelle.integrationservice.chataction.adapter.worker.SlackActionWorker;
import io.passerelle.integrationservice.chataction.port.ChatChannelTokens;
import io.passerelle.integrationservice.chataction.port.SlackActionQueue;
import io.passerelle.integrationservice.chataction.port.SlackApps;
import io.passerelle.integrationservice.chataction.port.SlackRequests;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatActionProperties.class)
class ChatActionConfiguration {

    @Bean
    ClientCredentials chatBridgeCredentials(ChatActionProperties properties, Clock clock) {
        return new ClientCredentials(internal(properties), properties.tokenUrl(), properties.clientId(),
                properties.clientSecret(), clock);
    }

    @Bean
    PerformChatAction performChatAction(ClientCredentials chatBridgeCredentials, ChatActionProperties properties,
            Clock clock, JsonMapper json) {
        var http = internal(properties);
        return new PerformChatAction(
                new KeycloakRealmUsers(http, chatBridgeCredentials, properties.adminRealmUrl(), clock,
                        properties.userCache()),
                new GatewayActingCalls(http, chatBridgeCredentials, properties.api(), json));
    }

    @Bean
    ReceiveSlackAction receiveSlackAction(SlackApps apps, SlackRequests requests, SlackActionQueue queue,
            SecretSealer sealer, Clock clock, ChatActionProperties properties, SlackActionWorker slackActionWorker) {
        return new ReceiveSlackAction(apps, requests, queue, sealer, clock, properties.slack().window(),
                slackActionWorker::wakeUpAfterCommit);
    }

    @Bean
    ReceiveMattermostAction receiveMattermostAction(ChatChannelTokens tokens, SecretSealer sealer,
            PerformChatAction performChatAction) {
        return new ReceiveMattermostAction(tokens, sealer, performChatAction);
    }

    @Bean
    ConfigureSlackApp configureSlackApp(SlackApps apps, SecretSealer sealer, Clock clock) {
        return new ConfigureSlackApp(apps, sealer, clock);
    }

    @Bean
    SlackActionWorker slackActionWorker(SlackActionQueue queue, PerformChatAction performChatAction,
            SecretSealer sealer, OutboundGuard guard, ObservationRegistry observations, TransactionTemplate tx,
            Clock clock, ChatActionProperties properties, JsonMapper json) {
        var answers = properties.answers();
        var replies = new SlackResponseUrl(guard, new PinnedHttpClient("Slack answers", answers.connectTimeout(),
                answers.readTimeout(), answers.concurrency(), observations),
                Set.copyOf(properties.slack().responseHosts()), json);
        var answer = new AnswerSlackAction(performChatAction, queue, replies, sealer, clock, answers.maxAttempts(),
                answers.backoff());
        return new SlackActionWorker(queue, answer, tx, clock, answers.lease(), answers.concurrency(),
                answers.pollInterval());
    }

    /** Passerelle's own infrastructure (Keycloak, the gateway), configured by the operator: not through the guard. */
    private static RestClient internal(ChatActionProperties properties) {
        var answers = properties.answers();
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(answers.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(answers.readTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }
}
