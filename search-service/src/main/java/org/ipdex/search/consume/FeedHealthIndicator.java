package org.ipdex.search.consume;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each feed's checkpoint, head and lag in /health. A feed that cannot be read does not make this service
 * unhealthy: it still answers searches from what it has, and the lag tells how stale that is.
 */
@Singleton
final class FeedHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final FeedConsumers consumers;

    FeedHealthIndicator(FeedConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> feeds = new LinkedHashMap<>();
        for (FeedConsumer consumer : consumers.all()) {
            feeds.put(consumer.name(), consumer.enabled() ? consumer.lag().details() : Map.of("state", "disabled"));
        }
        healthStatus = HealthStatus.UP;
        return feeds;
    }

    @Override
    protected String getName() {
        return "feeds";
    }
}
