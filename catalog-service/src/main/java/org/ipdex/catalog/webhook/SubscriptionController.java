package org.ipdex.catalog.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Optional;

/** Webhook subscriptions of the calling key (any office or administrator key). */
@Tag(name = "webhooks")
@Controller("/api/v1/webhooks/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.OFFICE, Roles.ADMIN})
class SubscriptionController {

    private static final int MAX_LIMIT = 200;

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to events",
            description = "Events are POSTed to `url` as CloudEvents 1.0 (`application/cloudevents+json`), signed "
                    + "with the `secret` of this answer — shown only here. `types`, `offices` and `apiIds` filter; "
                    + "an empty or absent filter lets everything through. The URL must be public (the SSRF policy "
                    + "of source URLs) and is checked again at every delivery.")
    @ApiResponse(responseCode = "201", description = "Subscribed; the answer holds the signing secret")
    @ApiResponse(responseCode = "400", description = "A refused URL or an unknown type, office or API id")
    @Post
    HttpResponse<SubscriptionResponse> create(@Body SubscriptionRequest request, Authentication authentication) {
        return HttpResponse.created(subscriptions.create(request, Identity.of(authentication)));
    }

    @Operation(operationId = "listWebhookSubscriptions", summary = "The calling key's subscriptions",
            description = "Ordered by id; pass `next` as `cursor` for more.")
    @ApiResponse(responseCode = "200", description = "One page of subscriptions, without their secrets")
    @Get
    Page<SubscriptionResponse> list(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit,
                                    Authentication authentication) {
        return subscriptions.list(Optional.ofNullable(cursor), checkedLimit(limit), Identity.of(authentication));
    }

    @Operation(operationId = "getWebhookSubscription", summary = "One subscription, with its failure count")
    @ApiResponse(responseCode = "200", description = "The subscription, without its secret")
    @ApiResponse(responseCode = "403", description = "Another key's subscription")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    @Get("/{subscriptionId}")
    SubscriptionResponse get(@PathVariable String subscriptionId, Authentication authentication) {
        return subscriptions.get(subscriptionId, Identity.of(authentication));
    }

    @Operation(operationId = "updateWebhookSubscription", summary = "Change, pause or resume a subscription",
            description = "Fields left out stay as they are. `status: active` resumes a paused subscription: its "
                    + "waiting deliveries are sent at once, with a clean failure count.")
    @ApiResponse(responseCode = "200", description = "The subscription as changed")
    @ApiResponse(responseCode = "400", description = "A refused URL, an unknown type or status")
    @ApiResponse(responseCode = "403", description = "Another key's subscription")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    @Patch("/{subscriptionId}")
    SubscriptionResponse update(@PathVariable String subscriptionId, @Body SubscriptionRequest request,
                                Authentication authentication) {
        return subscriptions.update(subscriptionId, request, Identity.of(authentication));
    }

    @Operation(operationId = "deleteWebhookSubscription", summary = "End a subscription and drop its deliveries")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Another key's subscription")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    @Delete("/{subscriptionId}")
    HttpResponse<Void> delete(@PathVariable String subscriptionId, Authentication authentication) {
        subscriptions.delete(subscriptionId, Identity.of(authentication));
        return HttpResponse.noContent();
    }

    @Operation(operationId = "listWebhookDeliveryAttempts", summary = "The subscription's delivery log",
            description = "Newest first: each attempt's time, HTTP status, response time, the first bytes of the "
                    + "answer and the error, if any.")
    @ApiResponse(responseCode = "200", description = "One page of attempts")
    @ApiResponse(responseCode = "403", description = "Another key's subscription")
    @Get("/{subscriptionId}/deliveryAttempts")
    Page<DeliveryAttemptResponse> attempts(@PathVariable String subscriptionId, @Nullable @QueryValue String cursor,
                                           @QueryValue(defaultValue = "50") int limit,
                                           Authentication authentication) {
        return subscriptions.attempts(subscriptionId, Optional.ofNullable(cursor), checkedLimit(limit),
                Identity.of(authentication));
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
