package io.passerelle.incidentservice.rollback.config;

import io.passerelle.incidentservice.rollback.FollowRollback;
import io.passerelle.incidentservice.rollback.port.RollbackProposals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use case is plain Java; its transaction is the inbox's. */
@Configuration(proxyBeanMethods = false)
class RollbackConfiguration {

    @Bean
    FollowRollback followRollback(RollbackProposals proposals) {
        return new FollowRollback(proposals);
    }
}
