package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The absolute http(s) server URLs a spec declares, variables filled with their defaults. A relative URL counts
 * only when the spec was fetched from somewhere it can be resolved against (swagger-parser invents "/" for specs
 * without servers; that is no endpoint).
 */
final class Servers {

    private static final int MAX = 10;

    private Servers() {
    }

    static List<String> of(OpenAPI model, @Nullable String sourceUrl) {
        Set<String> urls = new LinkedHashSet<>();
        if (model.getServers() == null) {
            return List.of();
        }
        for (Server server : model.getServers()) {
            if (server == null || server.getUrl() == null || urls.size() >= MAX) {
                continue;
            }
            String url = substitute(server.getUrl(), server.getVariables());
            try {
                URI uri = new URI(url);
                if (!uri.isAbsolute() && sourceUrl != null && !url.equals("/")) {
                    uri = new URI(sourceUrl).resolve(uri);
                }
                if (uri.isAbsolute() && uri.getHost() != null
                        && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    urls.add(uri.toString());
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException notAUrl) {
                // a server URL a human wrote wrongly is no endpoint to probe; the linter reports it
            }
        }
        return new ArrayList<>(urls);
    }

    private static String substitute(String url, Map<String, ServerVariable> variables) {
        String out = url;
        if (variables != null) {
            for (Map.Entry<String, ServerVariable> variable : variables.entrySet()) {
                String value = variable.getValue() == null || variable.getValue().getDefault() == null ? ""
                        : variable.getValue().getDefault();
                out = out.replace("{" + variable.getKey() + "}", value);
            }
        }
        return out;
    }
}
