package org.ipdex.catalog.webhook;

import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event a subscription may want, made from one feed event (see {@link EventTypes}).
 *
 * @param offices the offices it concerns (a coverage check may concern several); a filter matches any of them
 * @param apiId   the API it concerns, if any
 */
record WebhookEvent(String id, String type, String source, String subject, Instant time, List<String> offices,
                    Optional<String> apiId, JsonNode data) {

    WebhookEvent {
        offices = List.copyOf(offices);
    }
}
