package io.passerelle.platform.outbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link OutboundGuard} per service, with the operator's allow-list and the system resolver. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    OutboundGuard outboundGuard(OutboundProperties properties) {
        var allowList = OutboundAllowList.parse(properties.allow());
        if (!properties.allow().isEmpty()) {
            log.info("Outbound calls: internal targets allowed by passerelle.outbound.allow: {}", allowList);
        }
        return new OutboundGuard(allowList, HostResolver.system());
    }
}
