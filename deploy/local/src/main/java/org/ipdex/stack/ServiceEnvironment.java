package org.ipdex.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What each of the four services is told through its environment when a stack starts it as a process. One place
 * for {@link LocalStack} and the fault tests' stack, so that a setting a new feature needs reaches both (the fault
 * stack had already missed the webhooks' authority feed once).
 *
 * @param serviceUrls the base URL of each service by its name (catalog-service, authority-service, search-service)
 */
public record ServiceEnvironment(String identitySecret, Database database, String elasticsearchUrl,
                                 Path adminKeyFile, Map<String, String> serviceUrls) {

    /** The PostgreSQL server the services' databases live on; {@code serverUrl} ends with a slash. */
    public record Database(String serverUrl, String user, String password) {
    }

    /** The variables of the service whose jar is {@code service}, without its port. */
    public Map<String, String> of(String service) {
        Map<String, String> environment = new HashMap<>(Map.of("IPDEX_IDENTITY_SECRET", identitySecret,
                "DATASOURCES_DEFAULT_USERNAME", database.user(), "DATASOURCES_DEFAULT_PASSWORD", database.password()));
        environment.putAll(switch (service) {
            case "catalog-service" -> Map.of("DATASOURCES_DEFAULT_URL", database.serverUrl() + "ipdex_catalog",
                    // its webhooks follow the authority feed too
                    "IPDEX_CATALOG_WEBHOOKS_AUTHORITY_FEED_URL", url("authority-service"));
            case "authority-service" -> Map.of("DATASOURCES_DEFAULT_URL", database.serverUrl() + "ipdex_authority");
            // the one local replica keeps its name in the feed lease, so a restarted one follows the feeds at once
            // instead of waiting for the lease its killed predecessor could not give up to expire
            case "search-service" -> Map.of("IPDEX_ELASTICSEARCH_URL", elasticsearchUrl,
                    "IPDEX_FEEDS_CATALOG_URL", url("catalog-service"),
                    "IPDEX_FEEDS_AUTHORITY_URL", url("authority-service"),
                    "IPDEX_CONSUME_REPLICA", "local-search-service");
            case "gateway" -> Map.of("DATASOURCES_DEFAULT_URL", database.serverUrl() + "ipdex_gateway",
                    "IPDEX_BOOTSTRAP_ADMIN_KEY_FILE", adminKeyFile.toString(),
                    "IPDEX_BACKENDS_CATALOG_URL", url("catalog-service"),
                    "IPDEX_BACKENDS_AUTHORITY_URL", url("authority-service"),
                    "IPDEX_BACKENDS_SEARCH_URL", url("search-service"));
            default -> throw new IllegalArgumentException("no service " + service);
        });
        return environment;
    }

    private String url(String service) {
        String url = serviceUrls.get(service);
        if (url == null) {
            throw new IllegalArgumentException("no URL for " + service);
        }
        return url;
    }
}
