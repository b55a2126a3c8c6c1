package org.ipdex.authority.edition;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Records of one publication year and kind in an edition's set.
 *
 * @param year           0 when the records have no publication date
 * @param exceptionCoded of which carry an exception code (withdrawn, not published, missing …)
 */
@Serdeable
public record StatisticRow(int year, String kind, long records, long exceptionCoded) {
}
