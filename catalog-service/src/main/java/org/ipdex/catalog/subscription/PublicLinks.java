package org.ipdex.catalog.subscription;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Absolute links as a subscriber sees them: through the gateway's public address
 * ({@code ipdex.catalog.public-url}), never this service's own port.
 */
@Singleton
class PublicLinks {

    private final String base;

    PublicLinks(@Value("${ipdex.catalog.public-url:`http://localhost:8080`}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String api(String apiId) {
        return base + "/api/v1/catalog/apis/" + apiId;
    }

    String version(String apiId, int number) {
        return api(apiId) + "/versions/" + number;
    }

    String path(String path) {
        return base + path;
    }
}
