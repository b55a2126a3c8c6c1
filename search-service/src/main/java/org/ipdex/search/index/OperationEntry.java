package org.ipdex.search.index;

import java.util.List;

/**
 * One document of the {@code operations} index. The API's title and office are copied onto every operation so
 * an operation search needs no join and can filter by office.
 *
 * @param operationKey the document id, repeated as a field because sorting on {@code _id} is not allowed
 */
public record OperationEntry(String operationKey, String apiId, String officeCode, String apiTitle, String method,
                             String path, String operationId, String summary, String description,
                             List<String> tags, List<String> suggest) {
}
