package org.ipdex.catalog.webhook;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event types a subscription can ask for, and how each is made from the two change feeds. A feed event may
 * make none (a probe that found an API degraded), one, or two (a breaking version is also a published one).
 */
@Singleton
class EventTypes {

    static final String VERSION_PUBLISHED = "api.version.published";
    static final String BREAKING_CHANGE = "api.breaking-change";
    static final String ENDPOINT_DOWN = "api.endpoint.down";
    static final String ENDPOINT_UP = "api.endpoint.up";
    static final String EDITION_ACTIVATED = "authority.edition.activated";
    static final String COVERAGE_CHECK_FINISHED = "coverage.check.finished";
    static final Set<String> ALL = Set.of(VERSION_PUBLISHED, BREAKING_CHANGE, ENDPOINT_DOWN, ENDPOINT_UP,
            EDITION_ACTIVATED, COVERAGE_CHECK_FINISHED);
    /** An endpoint is back up only after it was seen failing; its first UP after registration is no news. */
    private static final Set<String> FAILING = Set.of("DOWN", "DEGRADED");

    private final String base;

    EventTypes(@Value("${ipdex.catalog.public-url:`http://localhost:8080`}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * @param feedId the feed's id: it is part of every event id, so a feed restored from a backup (whose sequence
     *               numbers start again) never makes an id a receiver has already seen
     */
    List<WebhookEvent> from(String feedId, ChangeEvent event) {
        JsonNode data = event.data();
        List<WebhookEvent> made = new ArrayList<>(2);
        switch (event.type()) {
            case "api.version.published" -> {
                String subject = "versions/" + data.get("version").getIntValue();
                made.add(api(feedId, event, VERSION_PUBLISHED, subject));
                JsonNode breaking = data.get("breakingChange");
                if (breaking != null && breaking.isValueNode() && Boolean.TRUE.equals(breaking.getValue())) {
                    made.add(api(feedId, event, BREAKING_CHANGE, subject));
                }
            }
            case "api.endpoint.changed" -> {
                String status = text(data, "status");
                if ("DOWN".equals(status)) {
                    made.add(api(feedId, event, ENDPOINT_DOWN, "endpoints"));
                } else if ("UP".equals(status) && FAILING.contains(text(data, "previousStatus"))) {
                    made.add(api(feedId, event, ENDPOINT_UP, "endpoints"));
                }
            }
            case "edition.activated" -> {
                String office = text(data, "office");
                made.add(new WebhookEvent(id(feedId, event, EDITION_ACTIVATED), EDITION_ACTIVATED,
                        base + "/api/v1/authority/offices/" + office + "/editions",
                        Long.toString(data.get("editionId").getLongValue()), event.at(), List.of(office),
                        Optional.empty(), data));
            }
            case "coverage.check.finished" -> {
                List<String> offices = new ArrayList<>();
                data.get("offices").values().forEach(office -> offices.add(office.getStringValue()));
                made.add(new WebhookEvent(id(feedId, event, COVERAGE_CHECK_FINISHED), COVERAGE_CHECK_FINISHED,
                        base + "/api/v1/authority/coverageChecks", text(data, "checkId"),
                        event.at(), offices, Optional.empty(), data));
            }
            default -> {
                // api.upserted and the rest: documents for search, not news
            }
        }
        return made;
    }

    private WebhookEvent api(String feedId, ChangeEvent event, String type, String subject) {
        String apiId = text(event.data(), "apiId");
        return new WebhookEvent(id(feedId, event, type), type, base + "/api/v1/catalog/apis/" + apiId, subject,
                event.at(), List.of(text(event.data(), "office")), Optional.of(apiId), event.data());
    }

    private static String id(String feedId, ChangeEvent event, String type) {
        return feedId + ":" + event.seq() + ":" + type;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isString() ? "" : value.getStringValue();
    }
}
