package io.passerelle.releaseservice.deployment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.deployments.timeouts.*}: the timeout worker.
 *
 * @param pollInterval its longest sleep: how late, at most, a deployment times out after its deadline
 * @param batch deployments timed out per transaction
 */
@ConfigurationProperties("passerelle.deployments.timeouts")
record TimeoutProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batch) {

    TimeoutProperties {
        if (!pollInterval.isPositive() || batch < 1) {
            throw new IllegalArgumentException("passerelle.deployments.timeouts.poll-interval and batch must be"
                    + " positive");
        }
    }
}
