package io.passerelle.releaseservice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The one Spring context of release-service's integration tests (MockMvc on top of the platform's setup). Gate
 * callbacks may reach the test's own receiver on {@value #CALLBACK_RECEIVER} (and no other internal address), come
 * back quickly after a failure, and an instance holds few waiting requests, so that its limit can be reached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PasserelleIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "passerelle.outbound.allow=" + ReleaseServiceIntegrationTest.CALLBACK_RECEIVER,
        "passerelle.gates.callbacks.backoff=200ms",
        "passerelle.gates.callbacks.max-attempts=3",
        "passerelle.gates.max-waiters=" + ReleaseServiceIntegrationTest.MAX_WAITERS })
public @interface ReleaseServiceIntegrationTest {

    /** Where GatesIntegrationTest receives gate callbacks. */
    String CALLBACK_RECEIVER = "127.0.0.1:28473";
    int MAX_WAITERS = 4;
}
