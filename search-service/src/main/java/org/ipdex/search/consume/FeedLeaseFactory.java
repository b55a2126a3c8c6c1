package org.ipdex.search.consume;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.search.index.Indices;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

@Factory
final class FeedLeaseFactory {

    /**
     * @param replica {@code ipdex.consume.replica}: this replica's name in the lease; by default the host name (the
     *                pod's, on Kubernetes) and a random suffix, so two processes on one host are never taken for one
     */
    @Singleton
    FeedLease feedLease(ElasticsearchClient client, Indices indices, ConsumeProperties settings,
                        @Value("${ipdex.consume.replica:}") String replica) {
        return new FeedLease(client, indices, replica.isBlank() ? defaultName() : replica, settings.leaseTtl(),
                Clock.systemUTC());
    }

    private static String defaultName() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + suffix;
        } catch (UnknownHostException e) {
            return "search-service-" + suffix;
        }
    }
}
