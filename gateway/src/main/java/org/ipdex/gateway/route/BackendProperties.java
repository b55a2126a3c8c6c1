package org.ipdex.gateway.route;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * One backend service, {@code ipdex.backends.<name>.*}.
 *
 * @param timeout       how long a read may take to start answering
 * @param uploadTimeout the same for a request with a body, which the service may read for a long time before it
 *                      answers; defaults to {@code timeout}
 */
@EachProperty("ipdex.backends")
public record BackendProperties(@Parameter String name, URI url,
                                @Bindable(defaultValue = "10s") Duration timeout,
                                @Nullable Duration uploadTimeout) {
}
