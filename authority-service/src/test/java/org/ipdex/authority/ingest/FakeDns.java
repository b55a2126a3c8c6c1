package org.ipdex.authority.ingest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.ipdex.common.fetch.HostResolver;
import org.ipdex.stack.SsrfTargets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The SSRF matrix's fake DNS in place of the system resolver, where a test sets {@code ipdex.test.fake-dns}. */
@Singleton
@Replaces(HostResolver.class)
@Requires(property = "ipdex.test.fake-dns", value = "true")
final class FakeDns implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return SsrfTargets.resolve(host);
    }
}
