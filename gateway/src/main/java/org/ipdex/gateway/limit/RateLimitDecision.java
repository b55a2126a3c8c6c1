package org.ipdex.gateway.limit;

/**
 * The outcome of taking a token, and how it is told to the caller: the IETF draft's structured headers
 * (draft-ietf-httpapi-ratelimit-headers), {@code RateLimit-Policy: "default";q=600;w=60} and
 * {@code RateLimit: "default";r=598;t=1}, plus {@code Retry-After} when refused.
 *
 * @param remaining    tokens left after this request ({@code r})
 * @param resetSeconds seconds until the bucket is full again ({@code t})
 * @param retryAfter   seconds until the next token, for {@code Retry-After} on a 429
 */
public record RateLimitDecision(String policy, long quota, long windowSeconds, boolean allowed, long remaining,
                                long resetSeconds, long retryAfter) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";

    public String policyHeader() {
        return "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds;
    }

    public String header() {
        return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}
