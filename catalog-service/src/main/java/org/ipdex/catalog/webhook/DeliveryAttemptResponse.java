package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One attempt of one delivery, in the subscription's log.
 *
 * @param httpStatus      absent when no answer came; {@code error} then says why
 * @param responseExcerpt the first bytes of the receiver's answer
 * @param deliveryStatus  where the attempt's delivery stands now: pending (to be tried again), delivered, abandoned
 * @param nextAttemptAt   when a pending delivery is due again (a paused subscription sends nothing until resumed)
 */
@Serdeable
public record DeliveryAttemptResponse(long attemptId, long deliveryId, String eventId, String eventType,
                                      Instant attemptedAt, @Nullable Integer httpStatus, @Nullable Long responseMillis,
                                      @Nullable String responseExcerpt, @Nullable String error,
                                      String deliveryStatus, @Nullable Instant nextAttemptAt) {

    static DeliveryAttemptResponse of(DeliveryStore.Attempt attempt) {
        return new DeliveryAttemptResponse(attempt.id(), attempt.deliveryId(), attempt.eventId(), attempt.eventType(),
                attempt.attemptedAt(), attempt.httpStatus(), attempt.responseMillis(), attempt.responseExcerpt(),
                attempt.error(), attempt.deliveryStatus(), attempt.nextAttemptAt());
    }
}
