package io.passerelle.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a DNS name to every address it has now (port; the system resolver, or a fake one in tests). */
@FunctionalInterface
public interface HostResolver {

    /** @throws UnknownHostException when the name does not resolve (now) */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), with its cache. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
