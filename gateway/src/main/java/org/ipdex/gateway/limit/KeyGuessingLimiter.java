package org.ipdex.gateway.limit;

import io.github.bucket4j.Bucket;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.Problem;
import org.ipdex.gateway.GatewayProblems;
import org.ipdex.gateway.account.FailedKeyChecks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed API-key checks per client address (IPv6 per /64, as {@link ClientAddresses} does): after
 * {@code max-failures} in a window the address is answered 429 before any key it sends is looked at — a right
 * key included, so that a guesser cannot tell a hit from a miss while blocked. Other addresses are unaffected,
 * and a blocked address gets one more attempt every {@code window / max-failures}. Only failures cost anything:
 * a client that sends its valid key never meets this limit.
 */
@Singleton
public class KeyGuessingLimiter implements FailedKeyChecks {

    private static final String OVERFLOW = "overflow";

    private final KeyGuessingProperties properties;
    private final HttpClientAddressResolver addresses;
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    KeyGuessingLimiter(KeyGuessingProperties properties, HttpClientAddressResolver addresses) {
        this.properties = properties;
        this.addresses = addresses;
    }

    @Override
    public Optional<MutableHttpResponse<Problem>> refusal(HttpRequest<?> request) {
        Bucket bucket = failures.get(clientOf(request));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        return Optional.of(GatewayProblems.of(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "More than " + properties.maxFailures() + " wrong API keys from this address in "
                                + properties.window().toSeconds() + " s; no key is checked before " + retryAfter
                                + " s have passed")
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
    }

    @Override
    public void failed(HttpRequest<?> request) {
        String client = clientOf(request);
        if (!failures.containsKey(client) && failures.size() >= properties.maxClients()) {
            sweep();
            client = failures.size() >= properties.maxClients() ? OVERFLOW : client;
        }
        failures.computeIfAbsent(client, any -> Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.maxFailures())
                        .refillGreedy(properties.maxFailures(), properties.window()))
                .build()).tryConsume(1);
    }

    /** An allowance that has refilled is the same as none: dropping it keeps the map to recent guessers. */
    @Scheduled(fixedDelay = "${ipdex.rate-limits.sweep-every:1m}")
    void sweep() {
        failures.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.maxFailures());
    }

    private String clientOf(HttpRequest<?> request) {
        return ClientAddresses.bucketOf(addresses.resolve(request));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
