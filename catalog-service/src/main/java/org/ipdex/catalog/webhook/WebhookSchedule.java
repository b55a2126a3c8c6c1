package org.ipdex.catalog.webhook;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.common.schedule.OneReplica;

/**
 * The webhook timer. Routing and delivery run under one replica lock ({@link OneReplica}), so with several
 * catalog-service replicas each event is still sent once per attempt; a replica that dies releases the lock with
 * its connection and the next round of another replica carries on from the stored checkpoints and deliveries.
 * Switched off with {@code ipdex.catalog.webhooks.enabled: false} (the tests drive both steps).
 */
@Singleton
@Requires(property = WebhookProperties.PREFIX + ".enabled", notEquals = "false")
class WebhookSchedule {

    private final FeedRouter router;
    private final Deliverer deliverer;
    private final OneReplica oneReplica;

    WebhookSchedule(FeedRouter router, Deliverer deliverer, OneReplica oneReplica) {
        this.router = router;
        this.deliverer = deliverer;
        this.oneReplica = oneReplica;
    }

    @Scheduled(fixedDelay = "${ipdex.catalog.webhooks.interval:5s}", initialDelay = "10s")
    void run() {
        oneReplica.run("catalog.webhooks", () -> {
            router.routeAll();
            deliverer.deliverDue();
        });
    }
}
