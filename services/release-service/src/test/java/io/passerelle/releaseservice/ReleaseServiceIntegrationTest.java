package io.passerelle.releaseservice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The one Spring context of release-service's integration tests (MockMvc on top of the platform's setup). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PasserelleIntegrationTest
@AutoConfigureMockMvc
public @interface ReleaseServiceIntegrationTest {
}
