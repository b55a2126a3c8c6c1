package org.ipdex.catalog.webhook;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.common.fetch.AddressPolicy;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.common.fetch.HostResolver;
import org.ipdex.common.fetch.PinnedResponse;
import org.ipdex.common.fetch.SafeHttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs one signed CloudEvent through the SSRF policy every fetch of the catalogue uses ({@code ipdex.catalog.fetch
 * .allow}, {@link SafeHttp}): the receiver's name is resolved and checked again on every attempt, because its DNS
 * may have changed since the subscription was made, and the connection goes to the address that was checked.
 * Redirects are not followed; only the first {@code responseBytes} of an answer are read.
 */
@Singleton
class WebhookSender {

    /**
     * @param httpStatus      absent when no answer came (refused by the policy, timeout, connection error)
     * @param responseExcerpt the first bytes of the answer, as text
     */
    record Result(Optional<Integer> httpStatus, long responseMillis, String responseExcerpt, Optional<String> error) {

        boolean delivered() {
            return httpStatus.filter(status -> status >= 200 && status < 300).isPresent();
        }
    }

    private final SafeHttp http;
    private final AddressPolicy policy;
    private final int responseBytes;

    WebhookSender(@Value("${ipdex.catalog.fetch.allow:}") List<String> allow, HostResolver resolver,
                  WebhookProperties properties) {
        this.policy = new AddressPolicy(allow, resolver);
        this.http = new SafeHttp(policy, properties.timeout(), "ipdex-webhooks");
        this.responseBytes = properties.responseBytes();
    }

    /** At subscription time: the URL must pass the policy now (it is checked again at every delivery). */
    void check(URI url) {
        policy.check(url);
    }

    Result send(URI url, String secret, String eventId, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEvent.MEDIA_TYPE + "; charset=utf-8");
        headers.put("Webhook-Id", eventId);
        headers.put("Webhook-Timestamp", Long.toString(timestamp));
        headers.put("Webhook-Signature", Signature.sign(secret, eventId, timestamp, body));
        long started = System.nanoTime();
        try (PinnedResponse answer = http.post(url, headers, body)) {
            String error = answer.status() >= 300 && answer.status() < 400
                    ? "redirects are not followed (Location: " + answer.header("location").orElse("none") + ")" : null;
            String excerpt = "";
            try {
                excerpt = excerpt(answer.body());
            } catch (IOException e) {
                // the status decides; a receiver that answered 200 and then stalled has the event
                error = "reading the answer: " + e.getMessage();
            }
            return new Result(Optional.of(answer.status()), millisSince(started), excerpt, Optional.ofNullable(error));
        } catch (FetchException e) {
            return new Result(Optional.empty(), millisSince(started), "", Optional.of(e.getMessage()));
        }
    }

    private String excerpt(InputStream body) throws IOException {
        byte[] first = body.readNBytes(responseBytes);
        // PostgreSQL text holds no NUL; a receiver's binary answer is kept as readable as it goes
        return new String(first, StandardCharsets.UTF_8).replace((char) 0, '\uFFFD');
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
