package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * One client per process. The client is created without contacting the cluster, so the service starts (and
 * answers /health with "Elasticsearch down") while the cluster is still unreachable.
 */
@Factory
class ElasticsearchFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RestClient restClient(ElasticsearchProperties properties) {
        // every node: the client round-robins, and retries a request that a dead node refused on the next one
        return RestClient.builder(properties.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                // searches are bounded by query.SearchLimiter; the consumers and a rebuild need a few more
                .setHttpClientConfigCallback(http -> http.setMaxConnPerRoute(properties.maxConnections())
                        .setMaxConnTotal(properties.maxConnections()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()))
                .build();
    }

    @Singleton
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        // Plain Jackson for documents: they are records of this service, never Micronaut-serialised objects
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }
}
