package org.ipdex.search.consume;

import org.ipdex.search.index.ApiEntry;
import org.ipdex.search.index.ApiEntry.Suggestion;
import org.ipdex.search.index.OperationEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Turns an {@code api.upserted} payload into the documents of the {@code apis} and {@code operations} indices. */
final class CatalogDocuments {

    /** A keyword is limited to 32 kB; facet values are short in practice, the cut keeps pathological ones out. */
    private static final int MAX_VALUE = 256;
    private static final int MAX_VALUES = 50;

    private CatalogDocuments() {
    }

    static ApiEntry api(ApiChange api, Collection<String> tags, int operationCount) {
        String title = title(api);
        String officeName = api.officeName() != null ? api.officeName() : OfficeNames.of(api.officeCode()).orElse(null);
        List<Suggestion> offices = new ArrayList<>();
        offices.add(new Suggestion(List.of(api.officeCode()), Suggestions.OFFICE));
        offices.addAll(Suggestions.of(officeName, Suggestions.OFFICE));
        return new ApiEntry(api.apiId(), api.officeCode(), officeName, title, api.description(),
                value(api.lifecycle()), api.versionNumber(), value(api.specVersion()), value(api.sourceFormat()),
                api.updatedAt() == null ? null : api.updatedAt().toString(), List.copyOf(tags), operationCount,
                values(api.ipDomains()), values(api.serviceTypes()), values(api.contentTypes()),
                values(api.languages()), value(api.st90Level()), api.st90Score(), value(api.endpointStatus()),
                api.breakingChange(), Suggestions.of(title, Suggestions.TITLE), offices);
    }

    static OperationEntry operation(ApiChange api, ApiChange.Operation operation, String key) {
        return new OperationEntry(key, api.apiId(), api.officeCode(), title(api),
                operation.method().toLowerCase(Locale.ROOT), operation.path(), operation.operationId(),
                operation.summary(), operation.description(), operation.tags(), values(operation.parameters()),
                values(operation.propertyNames()), value(api.lifecycle()), value(api.specVersion()),
                value(api.sourceFormat()), api.updatedAt() == null ? null : api.updatedAt().toString(),
                values(api.ipDomains()), values(api.serviceTypes()), values(api.contentTypes()),
                values(api.languages()), value(api.st90Level()), value(api.endpointStatus()),
                Suggestions.of(operation.summary(), Suggestions.SUMMARY));
    }

    static String title(ApiChange api) {
        String title = api.title() == null || api.title().isBlank() ? api.apiId() : api.title();
        return title.length() > 1000 ? title.substring(0, 1000) : title;
    }

    private static String value(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > MAX_VALUE ? stripped.substring(0, MAX_VALUE) : stripped;
    }

    private static List<String> values(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(CatalogDocuments::value).filter(Objects::nonNull).distinct().limit(MAX_VALUES)
                .toList();
    }
}
