package org.ipdex.catalog.webhook;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}): the attributes and the
 * data in one JSON object, which is the request body. A record of the spec's attributes rather than the CloudEvents
 * SDK: {@code io.cloudevents:cloudevents-json-jackson} is not among the artifacts this build resolves offline, and
 * it would bring Jackson databind's object mapper beside micronaut-serde for eight fields.
 *
 * @param source  the URI of the collection the event is about, e.g. {@code https://ipdex.example/api/v1/catalog/apis/ep-ops}
 * @param id      unique within {@code source}; also the {@code Webhook-Id} header, so receivers can drop a repeat
 * @param subject the thing inside {@code source}, e.g. {@code versions/3}
 * @param time    RFC 3339, written here rather than left to the serialiser's date settings
 */
@Serdeable
public record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                         String datacontenttype, JsonNode data) {

    public static final String MEDIA_TYPE = "application/cloudevents+json";

    static CloudEvent of(WebhookEvent event) {
        return new CloudEvent("1.0", event.id(), event.source(), event.type(), event.subject(), event.time().toString(),
                "application/json", event.data());
    }
}
