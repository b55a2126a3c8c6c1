package org.ipdex.authority.ingest;

/**
 * A validated entry, ready for {@code COPY}: the columns of {@code authority_record}.
 *
 * @param epochDay publication date as {@link java.time.LocalDate#toEpochDay()}; {@link #NO_DATE} when absent
 */
public record AuthorityRow(String office, String numberKey, String kind, int epochDay, String exceptionCode,
                           String docNumber, long line, boolean delete) {

    public static final int NO_DATE = Integer.MIN_VALUE;
}
