package org.ipdex.common.parity;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One office's active authority edition as authority-service holds it ({@code GET /internal/v1/officeStates}):
 * what the office's live authority index must agree with.
 *
 * @param recordChecksum {@link SetChecksum} of {@link #recordMember} over the edition's records
 */
@Serdeable
public record OfficeState(String office, long editionId, long recordCount, String recordChecksum) {

    /** The checksum member of one record: its normalised number and kind code (empty when it has none). */
    public static String recordMember(String numberKey, String kind) {
        return numberKey + " " + (kind == null ? "" : kind);
    }

    /** {@link #recordMember} as SQL over text columns. */
    public static String sqlRecordMember(String numberKey, String kind) {
        return numberKey + " || ' ' || coalesce(" + kind + ", '')";
    }
}
