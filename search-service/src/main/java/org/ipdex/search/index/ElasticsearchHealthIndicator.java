package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready only while the cluster answers and is not red, and this service's indices exist. */
@Singleton
@Readiness
final class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ElasticsearchClient client;
    private final IndexManager indexManager;

    ElasticsearchHealthIndicator(ElasticsearchClient client, IndexManager indexManager) {
        this.client = client;
        this.indexManager = indexManager;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            details.put("cluster", health.clusterName());
            details.put("status", health.status().jsonValue());
            details.put("indicesReady", indexManager.ready());
            healthStatus = health.status() != HealthStatus.Red && indexManager.ready()
                    ? io.micronaut.health.HealthStatus.UP : io.micronaut.health.HealthStatus.DOWN;
        } catch (Exception e) {
            // the cause, not a stack trace: this is public
            details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            healthStatus = io.micronaut.health.HealthStatus.DOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
