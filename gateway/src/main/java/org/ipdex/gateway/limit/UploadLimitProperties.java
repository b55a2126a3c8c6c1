package org.ipdex.gateway.limit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * A route allowed a larger body than the default, {@code ipdex.limits.uploads.<name>.*}.
 *
 * @param route   method and path pattern, e.g. {@code POST /api/v1/authority/offices/{office}/editions}
 *                (see {@link RoutePattern})
 * @param maxSize in bytes, or with a unit: {@code 20GB}
 */
@EachProperty("ipdex.limits.uploads")
public record UploadLimitProperties(@Parameter String name, String route, @ReadableBytes long maxSize) {
}
