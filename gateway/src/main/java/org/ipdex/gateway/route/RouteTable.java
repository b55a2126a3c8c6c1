package org.ipdex.gateway.route;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The public route map: which backend owns which path. It is code, not configuration, because it is part of the
 * public API (see the architecture's API map); only where each backend runs is configured.
 *
 * <p>Not listed, so served by the gateway itself: {@code /api/v1/admin/**} (accounts) except the parity check,
 * which search-service answers because it owns the indices it compares; {@code /health},
 * {@code /prometheus}, the portal at {@code /}, and {@code /docs}, reserved for the merged OpenAPI document and
 * Swagger UI. Anything else falls through to a 404 problem.
 */
@Singleton
public class RouteTable {

    private static final List<Route> ROUTES = List.of(
            Route.under("/api/v1/catalog", "catalog"),
            // webhooks live in catalog-service, which follows both feeds (see its webhook package README)
            Route.under("/api/v1/webhooks", "catalog"),
            Route.exactly("/.well-known/api-catalog", "catalog"),
            Route.under("/api/v1/authority", "authority"),
            Route.under("/api/v1/search", "search"),
            Route.exactly("/api/v1/suggest", "search"),
            Route.exactly("/api/v1/admin/parity", "search"));

    private final Backends backends;

    RouteTable(Backends backends) {
        this.backends = backends;
        for (Route route : ROUTES) {
            if (backends.find(route.backend()).isEmpty()) {
                throw new IllegalStateException("No ipdex.backends." + route.backend() + ".url configured for "
                        + route.path());
            }
        }
    }

    /**
     * The name of the backend that serves a public path, for /docs: a backend's path is public only if routed.
     * Static because the merged document is also built at build time, where no backend is configured.
     */
    public static Optional<String> ownerOf(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).findFirst().map(Route::backend);
    }

    Optional<Backend> backendFor(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).findFirst()
                .flatMap(route -> backends.find(route.backend()));
    }

    private record Route(String path, boolean subtree, String backend) {

        static Route under(String path, String backend) {
            return new Route(path, true, backend);
        }

        static Route exactly(String path, String backend) {
            return new Route(path, false, backend);
        }

        boolean matches(String requestPath) {
            return requestPath.equals(path) || (subtree && requestPath.startsWith(path + "/"));
        }
    }
}
