package org.ipdex.gateway.route;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    @Test
    void opensAfterConsecutiveFailuresOnlyAndClosesAfterASuccessfulTrial() throws InterruptedException {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMillis(200));
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();
        breaker.recordFailure();
        assertTrue(breaker.allowsRequest(), "a success in between resets the count");

        breaker.recordFailure();
        assertFalse(breaker.allowsRequest());
        assertTrue(breaker.isOpen());

        Thread.sleep(250);
        assertTrue(breaker.allowsRequest(), "the trial after the cool-down");
        breaker.recordFailure();
        assertFalse(breaker.allowsRequest(), "a failed trial opens again at once");

        Thread.sleep(250);
        breaker.recordSuccess();
        breaker.recordFailure();
        assertTrue(breaker.allowsRequest(), "a successful trial closes the circuit");
    }
}
