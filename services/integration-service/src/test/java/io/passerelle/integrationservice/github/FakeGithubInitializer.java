package io.passerelle.integrationservice.github;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every integration test's context at the test JVM's {@link FakeGitHub} (registered in
 * {@code META-INF/spring.factories}): its API URL and the App's private key are known only once it runs, and a
 * property source added here keeps all the integration tests on one cached context (a second context would consume
 * the same test queues).
 */
public class FakeGithubInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var github = FakeGitHub.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-github", Map.of(
                "passerelle.github.api-url", github.url(),
                "passerelle.github.app.id", FakeGitHub.APP_ID,
                "passerelle.github.app.private-key", github.privateKeyPkcs1Pem())));
    }
}
