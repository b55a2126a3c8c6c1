package org.ipdex.search.index;

import java.util.List;

/**
 * One document of the {@code apis} index, as the feed consumer writes it and the search reads it. A plain
 * record for Elasticsearch's own Jackson mapper; never sent to clients as is.
 *
 * @param suggest the inputs of the completion field (the title)
 */
public record ApiEntry(String apiId, String officeCode, String title, String description, String lifecycle,
                       Integer versionNumber, String specVersion, String sourceFormat, String updatedAt,
                       List<String> tags, Integer operationCount, List<String> suggest) {
}
