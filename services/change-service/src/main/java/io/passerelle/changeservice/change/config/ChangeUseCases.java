package io.passerelle.changeservice.change.config;

import java.time.Clock;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.ApproveChange;
import io.passerelle.changeservice.change.DefineApprovalPolicy;
import io.passerelle.changeservice.change.ProgressChange;
import io.passerelle.changeservice.change.RaiseChange;
import io.passerelle.changeservice.change.RecordDeploymentOutcome;
import io.passerelle.changeservice.change.RejectChange;
import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.changeservice.change.port.Changes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases are plain Java; their transactions are the adapters' (the controller's methods, the inbox's
 * transaction around each event handler). Saving a change publishes its events ({@link Changes#save}).
 */
@Configuration(proxyBeanMethods = false)
class ChangeUseCases {

    @Bean
    RaiseChange raiseChange(Changes changes, Environments environments, Clock clock) {
        return new RaiseChange(changes, environments, clock);
    }

    @Bean
    ApproveChange approveChange(Changes changes, ApprovalPolicies policies, Clock clock) {
        return new ApproveChange(changes, policies, clock);
    }

    @Bean
    RejectChange rejectChange(Changes changes, ApprovalPolicies policies, Clock clock) {
        return new RejectChange(changes, policies, clock);
    }

    @Bean
    ProgressChange progressChange(Changes changes, Clock clock) {
        return new ProgressChange(changes, clock);
    }

    @Bean
    DefineApprovalPolicy defineApprovalPolicy(ApprovalPolicies policies, Environments environments, Clock clock) {
        return new DefineApprovalPolicy(policies, environments, clock);
    }

    @Bean
    RecordDeploymentOutcome recordDeploymentOutcome(Changes changes, Clock clock) {
        return new RecordDeploymentOutcome(changes, clock);
    }
}
