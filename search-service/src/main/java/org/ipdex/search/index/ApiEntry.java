package org.ipdex.search.index;

import java.util.List;

/**
 * One document of the {@code apis} index, as the feed consumer writes it and the search reads it. A plain
 * record for Elasticsearch's own Jackson mapper; never sent to clients as is. The facet fields
 * ({@code ipDomains} … {@code endpointStatus}) are empty or null while catalog-service does not send them.
 *
 * @param suggest       the inputs of the title's completion field (the title and its last words)
 * @param officeSuggest the office code and name: a field of its own, since a completion suggester offers each
 *                      document once, with its best input, and the title would always hide the office
 */
public record ApiEntry(String apiId, String officeCode, String officeName, String title, String description,
                       String lifecycle, Integer versionNumber, String specVersion, String sourceFormat,
                       String updatedAt, List<String> tags, Integer operationCount, List<String> ipDomains,
                       List<String> serviceTypes, List<String> contentTypes, List<String> languages,
                       String st90Level, Double st90Score, String endpointStatus, Boolean breakingChange,
                       List<Suggestion> suggest, List<Suggestion> officeSuggest) {

    /** One input of a completion field; the weight orders suggestions that share a prefix. */
    public record Suggestion(List<String> input, int weight) {
    }
}
