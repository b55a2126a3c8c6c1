package org.ipdex.authority.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One row of {@code edition}: an uploaded file and, once accepted, the record set it produced. */
public record Edition(long id, String office, Optional<LocalDate> producedOn, String category, String layout,
                      String checksum, String status, Optional<Long> baseEditionId, long recordsTotal,
                      long recordsRejected, Optional<String> reportJson, Optional<String> summaryJson,
                      String uploadedBy, Instant createdAt, Optional<Instant> activatedAt, Optional<String> sourceUrl,
                      Optional<String> fileName, Optional<Long> bytes, Optional<Long> setSize, boolean recordsKept,
                      Optional<Instant> finishedAt) {

    public static final String INGESTING = "ingesting";
    public static final String ACTIVE = "active";
    public static final String SUPERSEDED = "superseded";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    /** An accepted edition whose record table still exists can be diffed and streamed. */
    public boolean hasRecords() {
        return (status.equals(ACTIVE) || status.equals(SUPERSEDED)) && recordsKept;
    }
}
