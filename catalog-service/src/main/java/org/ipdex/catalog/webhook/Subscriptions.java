package org.ipdex.catalog.webhook;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.ForbiddenException;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;
import org.ipdex.common.problem.ProblemError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the subscription API does: every subscription belongs to the key that made it (administrators may act on
 * any), and its URL passes the SSRF policy before it is stored.
 */
@Singleton
class Subscriptions {

    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final int MAX_URL = 2048;
    private static final int MAX_FILTER = 100;

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final WebhookSender sender;

    Subscriptions(SubscriptionStore store, DeliveryStore deliveries, WebhookSender sender) {
        this.store = store;
        this.deliveries = deliveries;
        this.sender = sender;
    }

    @Transactional
    SubscriptionResponse create(SubscriptionRequest request, Identity caller) {
        if (request.status() != null && !Subscription.ACTIVE.equals(request.status())) {
            throw invalid("/status", "a new subscription is active; leave status out");
        }
        SubscriptionFilters filters = checked(request, Optional.empty());
        Instant now = Instant.now();
        Subscription subscription = new Subscription(UUID.randomUUID(), caller.subject(), filters.url(),
                Signature.newSecret(), filters.types(), filters.offices(), filters.apiIds(), Subscription.ACTIVE, null,
                0, null, now, now);
        store.insert(subscription);
        return SubscriptionResponse.created(subscription);
    }

    @ReadOnly
    SubscriptionResponse get(String id, Identity caller) {
        return SubscriptionResponse.of(owned(id, caller));
    }

    @ReadOnly
    Page<SubscriptionResponse> list(Optional<String> cursor, int limit, Identity caller) {
        Optional<UUID> after;
        try {
            after = cursor.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter("cursor", "not a cursor this listing gave out");
        }
        List<Subscription> page = store.ownedBy(caller.subject(), after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id().toString() : null;
        return new Page<>(page.stream().map(SubscriptionResponse::of).toList(), next);
    }

    @Transactional
    SubscriptionResponse update(String id, SubscriptionRequest request, Identity caller) {
        Subscription current = owned(id, caller);
        Instant now = Instant.now();
        Subscription changed = current.with(checked(request, Optional.of(current)), now);
        if (Subscription.ACTIVE.equals(request.status()) && Subscription.PAUSED.equals(current.status())) {
            changed = changed.resumed(now);
            deliveries.dueNow(current.id());
        } else if (Subscription.PAUSED.equals(request.status()) && Subscription.ACTIVE.equals(current.status())) {
            changed = changed.paused("paused by its owner", now);
        } else if (request.status() != null && !List.of(Subscription.ACTIVE, Subscription.PAUSED)
                .contains(request.status())) {
            throw invalid("/status", "must be active or paused");
        }
        store.update(changed);
        return SubscriptionResponse.of(changed);
    }

    @Transactional
    void delete(String id, Identity caller) {
        store.delete(owned(id, caller).id());
    }

    @ReadOnly
    Page<DeliveryAttemptResponse> attempts(String id, Optional<String> cursor, int limit, Identity caller) {
        Subscription subscription = owned(id, caller);
        long before;
        try {
            before = cursor.map(Long::parseLong).orElse(Long.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("cursor", "not a cursor this listing gave out");
        }
        List<DeliveryStore.Attempt> page = deliveries.attempts(subscription.id(), before, limit);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(DeliveryAttemptResponse::of).toList(), next);
    }

    /** Another key's subscription is 403, as for an office's APIs: ids are random, so this reveals nothing. */
    private Subscription owned(String id, Identity caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No subscription " + id);
        }
        Subscription subscription = store.find(uuid).orElseThrow(() -> new NotFoundException("No subscription " + id));
        if (!caller.isAdmin() && !subscription.owner().equals(caller.subject())) {
            throw new ForbiddenException("Subscription " + id + " belongs to another key");
        }
        return subscription;
    }

    /** The request's filters, each absent one taken from {@code current} (a change) or empty (a new one). */
    private SubscriptionFilters checked(SubscriptionRequest request, Optional<Subscription> current) {
        String url = request.url() != null ? request.url().strip() : current.map(Subscription::url)
                .orElseThrow(() -> invalid("/url", "the receiver's URL is required"));
        if (request.url() != null || current.isEmpty()) {
            checkUrl(url);
        }
        List<ProblemError> errors = new ArrayList<>();
        List<String> types = filter(request.types(), current.map(Subscription::types), "/types", errors,
                type -> EventTypes.ALL.contains(type) ? Optional.empty()
                        : Optional.of("not an event type; one of " + EventTypes.ALL));
        List<String> offices = filter(upper(request.offices()), current.map(Subscription::offices), "/offices",
                errors, office -> OFFICE.matcher(office).matches() ? Optional.empty()
                        : Optional.of("not a two-letter ST.3 office code"));
        List<String> apiIds = filter(request.apiIds(), current.map(Subscription::apiIds), "/apiIds", errors,
                apiId -> apiId.isBlank() || apiId.length() > 200 ? Optional.of("not an API id") : Optional.empty());
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The subscription's filters are not valid", errors);
        }
        return new SubscriptionFilters(url, types, offices, apiIds);
    }

    private void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("/url", "not a URL: " + e.getReason());
        }
        if (url.length() > MAX_URL || !uri.isAbsolute()) {
            throw invalid("/url", "must be an absolute http or https URL of at most " + MAX_URL + " characters");
        }
        try {
            sender.check(uri);
        } catch (FetchException e) {
            throw invalid("/url", (e.refused() ? "refused: " : "cannot be reached: ") + e.getMessage());
        }
    }

    private static List<String> filter(List<String> given, Optional<List<String>> current, String pointer,
                                       List<ProblemError> errors, Function<String, Optional<String>> check) {
        if (given == null) {
            return current.orElse(List.of());
        }
        if (given.size() > MAX_FILTER) {
            errors.add(ProblemError.atPointer(pointer, "at most " + MAX_FILTER + " values"));
        }
        for (int i = 0; i < given.size(); i++) {
            Optional<String> why = given.get(i) == null ? Optional.of("must not be null") : check.apply(given.get(i));
            int index = i;
            why.ifPresent(message -> errors.add(ProblemError.atPointer(pointer + "/" + index, message)));
        }
        return given.stream().distinct().toList();
    }

    private static List<String> upper(List<String> values) {
        return values == null ? null : values.stream().map(v -> v == null ? null : v.strip().toUpperCase(Locale.ROOT))
                .toList();
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException("Invalid subscription: " + message,
                List.of(ProblemError.atPointer(pointer, message)));
    }
}
