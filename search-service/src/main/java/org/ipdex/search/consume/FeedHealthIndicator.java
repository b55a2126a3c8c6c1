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
        // which replica follows the feeds: on the others the figures above are their last, not the feed's now
        feeds.put("followedBy", consumers.followedBy());
        healthStatus = HealthStatus.UP;
        return feeds;
    }

    @Override
    protected String getName() {
        return "feeds";
    }
}
