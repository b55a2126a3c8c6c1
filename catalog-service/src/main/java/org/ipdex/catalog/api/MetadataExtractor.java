package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link ApiMetadata} from a spec. The WIPO catalogue puts its fields in {@code info.x-*}; real files also
 * put them at the root, spell them differently ({@code x-ipdomain}, {@code x-functionality}) or state them per
 * operation (USPTO ODP) — all are read, and per-operation values are added up.
 */
final class MetadataExtractor {

    private static final List<String> IP_DOMAIN = List.of("x-ip-domain", "x-ipdomain", "x-ip-domains");
    private static final List<String> SERVICE_TYPE = List.of("x-service-type", "x-functionality", "x-service-types");
    private static final List<String> CONTENT_TYPE = List.of("x-content-type", "x-content-types");
    private static final List<String> LANGUAGE = List.of("x-content-language", "x-content-languages", "x-language");
    private static final List<String> LIFECYCLE = List.of("x-lifecycle", "x-api-lifecycle", "x-stability-level",
            "x-status");
    private static final List<String> SUNSET = List.of("x-sunset", "x-sunset-date");

    private MetadataExtractor() {
    }

    static ApiMetadata extract(OpenAPI model, @Nullable String fetchedFrom) {
        Info info = model.getInfo();
        List<Map<String, Object>> scopes = new ArrayList<>();
        scopes.add(extensions(info == null ? null : info.getExtensions()));
        scopes.add(extensions(model.getExtensions()));
        List<Map<String, Object>> operations = operationExtensions(model);
        List<String> languages = new ArrayList<>();
        values(scopes, operations, LANGUAGE).forEach(value -> Vocabularies.language(value).ifPresent(languages::add));
        return new ApiMetadata(info == null ? null : info.getTitle(), info == null ? null : info.getDescription(),
                Vocabularies.lenient(Vocabularies.IP_DOMAINS, values(scopes, operations, IP_DOMAIN)),
                Vocabularies.lenient(Vocabularies.SERVICE_TYPES, values(scopes, operations, SERVICE_TYPE)),
                Vocabularies.lenient(Vocabularies.CONTENT_TYPES, values(scopes, operations, CONTENT_TYPE)),
                List.copyOf(new LinkedHashSet<>(languages)), accessModel(model, scopes),
                authentication(model), lifecycle(scopes), sunset(scopes),
                first(scopes, List.of("x-product-page-url", "x-product-page")).orElseGet(() -> externalDocs(model)),
                fetchedFrom != null ? fetchedFrom : first(scopes, List.of("x-oas-url", "x-spec-url")).orElse(null),
                first(scopes, List.of("x-health-path")).filter(path -> path.startsWith("/")).orElse(null));
    }

    private static String accessModel(OpenAPI model, List<Map<String, Object>> scopes) {
        Optional<String> stated = first(scopes, List.of("x-access-model", "x-access"))
                .flatMap(value -> Vocabularies.canonical(Vocabularies.ACCESS_MODELS, value));
        if (stated.isPresent()) {
            return stated.get();
        }
        boolean secured = model.getSecurity() != null && !model.getSecurity().isEmpty()
                || model.getPaths() != null && model.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .anyMatch(operation -> operation.getSecurity() != null && !operation.getSecurity().isEmpty());
        // a key or a login is free to get at every IP office we know of; "paid" must be stated
        return secured ? "registration" : "open";
    }

    private static List<String> authentication(OpenAPI model) {
        if (model.getComponents() == null || model.getComponents().getSecuritySchemes() == null) {
            return List.of();
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (SecurityScheme scheme : model.getComponents().getSecuritySchemes().values()) {
            if (scheme == null || scheme.getType() == null) {
                continue;
            }
            switch (scheme.getType()) {
                case APIKEY -> kinds.add("apiKey");
                case HTTP -> kinds.add("http-" + (scheme.getScheme() == null ? "basic"
                        : scheme.getScheme().toLowerCase(Locale.ROOT)));
                case OAUTH2 -> kinds.add("oauth2");
                case OPENIDCONNECT -> kinds.add("openIdConnect");
                case MUTUALTLS -> kinds.add("mutualTLS");
                default -> { }
            }
        }
        return List.copyOf(kinds);
    }

    private static String lifecycle(List<Map<String, Object>> scopes) {
        String stated = first(scopes, LIFECYCLE).map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        return switch (stated) {
            case "draft", "alpha", "beta", "experimental", "preview" -> "draft";
            case "deprecated" -> "deprecated";
            case "retired", "decommissioned" -> "retired";
            default -> ApiMetadata.DEFAULT_LIFECYCLE;
        };
    }

    private static String sunset(List<Map<String, Object>> scopes) {
        return first(scopes, SUNSET).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate()
                        .toString() : value).toString());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static String externalDocs(OpenAPI model) {
        return model.getExternalDocs() == null ? null : model.getExternalDocs().getUrl();
    }

    private static List<String> values(List<Map<String, Object>> scopes, List<Map<String, Object>> operations,
                                       List<String> names) {
        Set<String> values = new LinkedHashSet<>();
        scopes.forEach(scope -> names.forEach(name -> values.addAll(strings(scope.get(name)))));
        operations.forEach(scope -> names.forEach(name -> values.addAll(strings(scope.get(name)))));
        return new ArrayList<>(values);
    }

    private static Optional<String> first(List<Map<String, Object>> scopes, List<String> names) {
        for (Map<String, Object> scope : scopes) {
            for (String name : names) {
                List<String> found = strings(scope.get(name));
                if (!found.isEmpty()) {
                    return Optional.of(found.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** A list, a single value or a comma-separated string, as real files write them. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> out.addAll(strings(item)));
        } else if (value != null && !(value instanceof Map)) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static List<Map<String, Object>> operationExtensions(OpenAPI model) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (model.getPaths() != null) {
            for (PathItem item : model.getPaths().values()) {
                if (item != null) {
                    found.add(extensions(item.getExtensions()));
                    for (Operation operation : item.readOperations()) {
                        found.add(extensions(operation.getExtensions()));
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, Object> extensions(Map<String, Object> extensions) {
        return extensions == null ? Map.of() : extensions;
    }
}
