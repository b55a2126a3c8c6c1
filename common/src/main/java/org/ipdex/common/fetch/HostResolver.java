package org.ipdex.common.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses for {@link AddressPolicy}. An interface of its own because the check and the
 * connection must use the same answer (see {@link PinnedHttp}), and because a test needs names that resolve to
 * private addresses without a DNS server — Java 17 has no resolver SPI (that came with Java 18).
 */
public interface HostResolver {

    /** @return at least one address */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
