package org.ipdex.common.parity;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What catalog-service holds as current for one API ({@code GET /internal/v1/apiStates}): what search-service's
 * {@code apis} and {@code operations} indices must agree with.
 *
 * @param versionNumber      the latest spec version's number
 * @param revision           the version of the API's newest change-feed event (its documents' external version)
 * @param operationCount     the latest version's distinct operations
 * @param operationChecksum  {@link SetChecksum} of {@link #operationMember} over those operations
 */
@Serdeable
public record ApiState(String apiId, int versionNumber, long revision, long operationCount,
                       String operationChecksum) {

    /** The checksum member of one operation; the method in lower case, as the feed and the index carry it. */
    public static String operationMember(String method, String path) {
        return method + " " + path;
    }

    /** {@link #operationMember} as SQL over text columns or expressions. */
    public static String sqlOperationMember(String method, String path) {
        return method + " || ' ' || " + path;
    }
}
