package org.ipdex.gateway.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (bucket4j, greedy refill: a quota of {@code q} per {@code w} seconds comes back one token at a time,
 * so a client that paces itself never meets a wall), one per policy and caller: per API key for keyed callers, per
 * client address for anonymous ones. In memory, per gateway instance (see the package README for replicas).
 *
 * <p>Memory stays bounded: a full bucket is indistinguishable from a new one, so {@link #sweep()} drops full buckets,
 * and once {@code ipdex.rate-limits.max-buckets} are live, callers beyond them share one overflow bucket per policy:
 * a flood of new addresses then throttles itself instead of growing the map.
 */
@Singleton
public class RateLimiter {

    private static final String OVERFLOW = "overflow";

    private final List<RateLimitPolicy> policies;
    private final int maxBuckets;
    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastFullSweep = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));

    RateLimiter(List<RateLimitPolicyProperties> policies,
                @Value("${ipdex.rate-limits.max-buckets:100000}") int maxBuckets) {
        // the default policy is the fallback, whatever order the configuration lists the others in
        this.policies = policies.stream().map(RateLimitPolicy::of)
                .sorted(Comparator.comparing((RateLimitPolicy p) -> p.name().equals("default"))
                        .thenComparing(RateLimitPolicy::name))
                .toList();
        this.maxBuckets = maxBuckets;
    }

    /** The policy that covers a route; empty for routes that are not limited (portal, docs, health). */
    public Optional<RateLimitPolicy> policyFor(String method, String path) {
        return policies.stream().filter(policy -> policy.covers(method, path)).findFirst();
    }

    /** Takes one token for {@code caller} (a key id, or an address) from its bucket for {@code policy}. */
    public RateLimitDecision take(RateLimitPolicy policy, String caller, boolean keyed) {
        long quota = policy.quotaFor(keyed);
        Bucket bucket = bucketFor(new BucketKey(policy.name(), keyed, caller), quota, policy);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(policy.name(), quota, policy.window().toSeconds(), probe.isConsumed(),
                probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Full buckets carry no information: dropping them loses nothing and keeps the map to active callers. */
    @Scheduled(fixedDelay = "${ipdex.rate-limits.sweep-every:1m}")
    void sweep() {
        buckets.entrySet().removeIf(entry -> {
            RateLimitPolicy policy = policyNamed(entry.getKey().policy());
            return policy == null
                    || entry.getValue().getAvailableTokens() >= policy.quotaFor(entry.getKey().keyed());
        });
    }

    private void sweepAtMostOncePerSecond() {
        long now = System.nanoTime();
        long last = lastFullSweep.get();
        // while the map is full every new caller would sweep it: once a second is enough
        if (now - last > TimeUnit.SECONDS.toNanos(1) && lastFullSweep.compareAndSet(last, now)) {
            sweep();
        }
    }

    int liveBuckets() {
        return buckets.size();
    }

    private Bucket bucketFor(BucketKey key, long quota, RateLimitPolicy policy) {
        Bucket existing = buckets.get(key);
        if (existing != null) {
            return existing;
        }
        BucketKey effective = key;
        if (buckets.size() >= maxBuckets) {
            sweepAtMostOncePerSecond();
            if (buckets.size() >= maxBuckets) {
                effective = new BucketKey(key.policy(), key.keyed(), OVERFLOW);
            }
        }
        return buckets.computeIfAbsent(effective, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, policy.window()))
                .build());
    }

    private RateLimitPolicy policyNamed(String name) {
        return policies.stream().filter(policy -> policy.name().equals(name)).findFirst().orElse(null);
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private record BucketKey(String policy, boolean keyed, String caller) {
    }
}
