package org.ipdex.search.index;

import java.util.List;

/**
 * One document of the {@code operations} index. The API's title, office and facet fields are copied onto every
 * operation so an operation search needs no join and filters and counts the same facets as the API search.
 *
 * @param operationKey the document id, repeated as a field because sorting on {@code _id} is not allowed
 */
public record OperationEntry(String operationKey, String apiId, String officeCode, String apiTitle, String method,
                             String path, String operationId, String summary, String description,
                             List<String> tags, List<String> parameterNames, List<String> propertyNames,
                             String lifecycle, String specVersion, String sourceFormat, String updatedAt,
                             List<String> ipDomains, List<String> serviceTypes, List<String> contentTypes,
                             List<String> languages, String st90Level, String endpointStatus,
                             List<ApiEntry.Suggestion> suggest) {
}
