package org.ipdex.catalog.webhook;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns feed events into deliveries, page by page: each page's deliveries and the checkpoint after it commit in
 * one transaction ({@link DeliveryLedger#route}), so an event is routed at least once and, the deliveries being
 * unique per subscription and event, in effect once.
 */
@Singleton
class FeedRouter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRouter.class);
    /** Pages per round and feed, so one long backlog does not hold up deliveries. */
    private static final int MAX_PAGES = 20;

    private final List<FeedSource> sources;
    private final EventTypes types;
    private final DeliveryLedger ledger;
    private final JsonMapper json;
    private final int pageSize;

    FeedRouter(List<FeedSource> sources, EventTypes types, DeliveryLedger ledger, JsonMapper json,
               WebhookProperties properties) {
        this.sources = sources;
        this.types = types;
        this.ledger = ledger;
        this.json = json;
        this.pageSize = properties.batchSize();
    }

    /** Every feed; one that cannot be read (authority-service down) is tried again next round. */
    void routeAll() {
        for (FeedSource source : sources) {
            try {
                route(source);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Webhooks: the {} feed could not be routed this round: {}", source.name(), e.getMessage());
            }
        }
    }

    /** @return deliveries made */
    int route(FeedSource source) throws IOException {
        int made = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            DeliveryStore.Checkpoint at = ledger.checkpoint(source.name())
                    .orElse(new DeliveryStore.Checkpoint(null, 0));
            FeedSource.Page read = source.read(at.seq(), pageSize);
            if (at.feedId() != null && !at.feedId().equals(read.feedId())) {
                // another database behind the feed (restored, replaced): its numbers start again
                LOG.warn("Webhooks: the {} feed is now {} (was {}); following it from its start", source.name(),
                        read.feedId(), at.feedId());
                ledger.route(source.name(), List.of(), new DeliveryStore.Checkpoint(read.feedId(), 0));
                continue;
            }
            if (read.events().isEmpty() && read.scannedTo() <= at.seq() && read.feedId().equals(at.feedId())) {
                return made;
            }
            List<DeliveryLedger.Routed> routed = new ArrayList<>();
            for (ChangeEvent event : read.events()) {
                for (WebhookEvent webhook : types.from(read.feedId(), event)) {
                    routed.add(new DeliveryLedger.Routed(webhook, payload(webhook)));
                }
            }
            made += ledger.route(source.name(), routed, new DeliveryStore.Checkpoint(read.feedId(), read.scannedTo()));
            if (read.events().size() < pageSize) {
                return made;
            }
        }
        return made;
    }

    private String payload(WebhookEvent event) {
        try {
            return json.writeValueAsString(CloudEvent.of(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
