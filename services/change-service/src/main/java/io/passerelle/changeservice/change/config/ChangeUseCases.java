package io.passerelle.changeservice.change.config;

import java.time.Clock;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.ApproveChange;
import io.passerelle.changeservice.change.DefineApprovalPolicy;
import io.passerelle.changeservice.change.Hold;
import io.passerelle.changeservice.change.ProgressChange;
import io.passerelle.changeservice.change.RaiseChange;
import io.passerelle.changeservice.change.ReassessRisk;
import io.passerelle.changeservice.change.RecordCausedIncident;
import io.passerelle.changeservice.change.RecordDeploymentOutcome;
import io.passerelle.changeservice.change.RejectChange;
import io.passerelle.changeservice.change.ResumeHeldChanges;
import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.change.port.Freezes;
import io.passerelle.changeservice.freezewindow.FreezeCalendar;
import io.passerelle.changeservice.freezewindow.FreezeWindow;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.changeservice.risk.port.RiskMoved;
import io.passerelle.changeservice.standardchange.StandardChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases are plain Java; their transactions are the adapters' (the controller's methods, the inbox's
 * transaction around each event handler). Saving a change publishes its events ({@link Changes#save}).
 */
@Configuration(proxyBeanMethods = false)
class ChangeUseCases {

    @Bean
    RaiseChange raiseChange(Changes changes, Environments environments, RiskAssessor risk, StandardChanges templates,
            Freezes freezes, Clock clock) {
        return new RaiseChange(changes, environments, risk, templates, freezes, clock);
    }

    @Bean
    ApproveChange approveChange(Changes changes, ApprovalPolicies policies, Freezes freezes, Clock clock) {
        return new ApproveChange(changes, policies, freezes, clock);
    }

    /** The freeze windows, as the change lifecycle asks them: which windows hold a change, and until when. */
    @Bean
    Freezes freezes(FreezeCalendar calendar) {
        return (service, environment, at) -> calendar.freezeAt(service, environment, at).map(freeze -> new Hold(
                freeze.windows().stream().map(FreezeWindow::id).toList(),
                freeze.windows().stream().map(FreezeWindow::name).toList(), freeze.until()));
    }

    @Bean
    ResumeHeldChanges resumeHeldChanges(Changes changes, Freezes freezes, Clock clock) {
        return new ResumeHeldChanges(changes, freezes, clock);
    }

    @Bean
    ReassessRisk reassessRisk(Changes changes, RiskAssessor risk, Clock clock) {
        return new ReassessRisk(changes, risk, clock);
    }

    /** What moves the risk of a service's changes (an incident opening or resolving) has them assessed again. */
    @Bean
    RiskMoved riskMoved(ReassessRisk reassess) {
        return reassess::of;
    }

    @Bean
    RejectChange rejectChange(Changes changes, ApprovalPolicies policies, Clock clock) {
        return new RejectChange(changes, policies, clock);
    }

    @Bean
    ProgressChange progressChange(Changes changes, ReassessRisk reassess, Clock clock) {
        return new ProgressChange(changes, reassess, clock);
    }

    @Bean
    DefineApprovalPolicy defineApprovalPolicy(ApprovalPolicies policies, Environments environments, Clock clock) {
        return new DefineApprovalPolicy(policies, environments, clock);
    }

    @Bean
    RecordCausedIncident recordCausedIncident(Changes changes, ReassessRisk reassess, Clock clock) {
        return new RecordCausedIncident(changes, reassess, clock);
    }

    @Bean
    RecordDeploymentOutcome recordDeploymentOutcome(Changes changes, ReassessRisk reassess, Clock clock) {
        return new RecordDeploymentOutcome(changes, reassess, clock);
    }
}
