package io.passerelle.integrationservice.chataction;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every integration test's context at the test JVM's {@link FakeChatWorld} (registered in
 * {@code META-INF/spring.factories}, beside the fake GitHub, so that all the integration tests share one context).
 */
public class FakeChatWorldInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var world = FakeChatWorld.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-chat-world", Map.of(
                "passerelle.chatops.api", world.url(),
                "passerelle.chatops.issuer", world.url() + "/realms/passerelle",
                "passerelle.chatops.client-secret", FakeChatWorld.SECRET,
                "passerelle.chatops.slack.response-hosts", "127.0.0.1",
                "passerelle.chatops.answers.backoff", "200ms")));
    }
}
