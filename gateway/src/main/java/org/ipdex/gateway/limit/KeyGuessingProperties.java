package org.ipdex.gateway.limit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How many wrong API keys one client address may present ({@code ipdex.api-keys.guessing.*}).
 *
 * @param maxFailures failed key checks per window before the address is answered 429
 * @param window      the time in which the allowance refills (one attempt back every {@code window / maxFailures})
 * @param maxClients  addresses tracked at once; beyond that new ones share one allowance
 */
@ConfigurationProperties(KeyGuessingProperties.PREFIX)
public record KeyGuessingProperties(@Bindable(defaultValue = "10") int maxFailures,
                                    @Bindable(defaultValue = "10m") Duration window,
                                    @Bindable(defaultValue = "100000") int maxClients) {

    public static final String PREFIX = "ipdex.api-keys.guessing";
}
