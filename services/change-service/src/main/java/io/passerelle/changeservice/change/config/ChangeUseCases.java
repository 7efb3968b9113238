package io.passerelle.change.change.config;

import java.time.Clock;

import io.passerelle.change.catalog.Environments;
import io.passerelle.change.change.ApproveChange;
import io.passerelle.change.change.ChangeEventPublisher;
import io.passerelle.change.change.Changes;
import io.passerelle.change.change.RaiseChange;
import io.passerelle.change.change.RecordDeploymentOutcome;
import io.passerelle.change.change.RejectChange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases are plain Java; their transactions are the adapters' (the controller's methods, the inbox's
 * transaction around each event handler).
 */
@Configuration(proxyBeanMethods = false)
class ChangeUseCases {

    @Bean
    RaiseChange raiseChange(Changes changes, Environments environments, ChangeEventPublisher publisher, Clock clock) {
        return new RaiseChange(changes, environments, publisher, clock);
    }

    @Bean
    ApproveChange approveChange(Changes changes, ChangeEventPublisher publisher, Clock clock) {
        return new ApproveChange(changes, publisher, clock);
    }

    @Bean
    RejectChange rejectChange(Changes changes, ChangeEventPublisher publisher, Clock clock) {
        return new RejectChange(changes, publisher, clock);
    }

    @Bean
    RecordDeploymentOutcome recordDeploymentOutcome(Changes changes, ChangeEventPublisher publisher, Clock clock) {
        return new RecordDeploymentOutcome(changes, publisher, clock);
    }
}
