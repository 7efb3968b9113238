package io.passerelle.platform.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.outbound.*}.
 *
 * @param allow internal targets the operator admits (env {@code PASSERELLE_OUTBOUND_ALLOW}, comma-separated): CIDR
 *        blocks or addresses, and {@code host:port} entries; see {@link OutboundAllowList}. Empty by default: only
 *        public addresses are called.
 */
@ConfigurationProperties("passerelle.outbound")
public record OutboundProperties(@DefaultValue List<String> allow) {
}
