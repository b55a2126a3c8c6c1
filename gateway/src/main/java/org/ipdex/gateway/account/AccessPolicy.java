package org.ipdex.gateway.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an anonymous caller may do at the door: read anything but the admin API, write only the few public dry-run
 * routes listed in {@code ipdex.gateway.public-writes} ({@code "POST /api/v1/catalog/lintReports"}, …). Refusing
 * here, not only in the services, keeps a misconfigured service from ever accepting one, and answers an anonymous
 * caller of an admin route that a backend serves (the parity check) 401 like the gateway's own admin routes.
 */
@Singleton
class AccessPolicy {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private static final String ADMIN = "/api/v1/admin/";

    private final Set<String> publicWrites;

    AccessPolicy(@Value("${ipdex.gateway.public-writes:}") List<String> publicWrites) {
        this.publicWrites = publicWrites.stream().map(AccessPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    boolean anonymousMay(HttpMethod method, String path) {
        if (path.startsWith(ADMIN)) {
            return false;
        }
        return !WRITES.contains(method) || publicWrites.contains(method.name() + " " + path);
    }

    private static String normalise(String entry) {
        String[] parts = entry.strip().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("ipdex.gateway.public-writes entries look like 'POST /path': " + entry);
        }
        return parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
    }
}
