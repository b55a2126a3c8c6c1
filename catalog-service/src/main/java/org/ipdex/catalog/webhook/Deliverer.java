package org.ipdex.catalog.webhook;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Attempts the deliveries that are due, one at a time, outside any transaction (a receiver may take its whole
 * timeout), and has each attempt written down by {@link DeliveryLedger}. A delivery is marked done only after its
 * receiver answered 2xx, so a crash in between sends it again: at-least-once, which is why every event carries an
 * id for the receiver to drop repeats by.
 */
@Singleton
class Deliverer {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final WebhookProperties properties;

    Deliverer(DeliveryLedger ledger, WebhookSender sender, WebhookProperties properties) {
        this.ledger = ledger;
        this.sender = sender;
        this.properties = properties;
    }

    /** @return attempts made */
    int deliverDue() {
        List<DeliveryStore.Due> due = ledger.due(properties.batchSize());
        // one failure per subscription per round: a receiver that is down is not sent its whole backlog to refuse
        Set<UUID> failedThisRound = new HashSet<>();
        int attempts = 0;
        for (DeliveryStore.Due delivery : due) {
            if (failedThisRound.contains(delivery.subscriptionId())) {
                continue;
            }
            WebhookSender.Result result = sender.send(URI.create(delivery.url()), delivery.secret(),
                    delivery.eventId(), delivery.payload());
            attempts++;
            if (!result.delivered()) {
                failedThisRound.add(delivery.subscriptionId());
            }
            try {
                ledger.record(delivery, result);
            } catch (RuntimeException e) {
                // e.g. the subscription was deleted meanwhile; the rest of the round still goes out
                LOG.warn("Webhook delivery {} of subscription {}: its attempt could not be recorded",
                        delivery.id(), delivery.subscriptionId(), e);
            }
        }
        return attempts;
    }
}
