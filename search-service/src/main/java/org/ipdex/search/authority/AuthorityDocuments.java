package org.ipdex.search.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.ipdex.common.number.PublicationNumber;
import org.ipdex.search.index.AuthorityEntry;

import java.util.Locale;
import java.util.Optional;

/**
 * An edition record as an index document. Anything Elasticsearch would refuse (a date it cannot parse) is
 * dropped here rather than failing the bulk item, so a refused item always means the cluster is in trouble.
 */
final class AuthorityDocuments {

    /**
     * Plain Jackson, straight to bytes: the client's own JSON-P mapper costs several times more CPU per document,
     * and on a small machine every cycle spent here is taken from Elasticsearch indexing the same records.
     */
    private static final ObjectWriter WRITER = new ObjectMapper().writerFor(AuthorityEntry.class);

    private AuthorityDocuments() {
    }

    static byte[] json(AuthorityEntry entry) {
        try {
            return WRITER.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + entry.key(), e);
        }
    }

    /** Empty for a record without any usable number. */
    static Optional<AuthorityEntry> of(EditionRecord record, String editionOffice) {
        String office = record.office() == null || record.office().isBlank() ? editionOffice
                : record.office().strip().toUpperCase(Locale.ROOT);
        String kind = blankToNull(record.kind());
        String numberKey = blankToNull(record.numberKey());
        if (numberKey == null) {
            Optional<PublicationNumber> number = PublicationNumber.of(office, record.docNumber(), null);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            numberKey = number.get().numberKey();
        }
        String date = isoDate(record.publicationDate());
        Short year = date == null ? null : Short.valueOf(date.substring(0, 4));
        return Optional.of(new AuthorityEntry(office, numberKey, kind == null ? numberKey : numberKey + kind, kind,
                date, year, blankToNull(record.exceptionCode()), record.docNumber(),
                AuthorityEntry.ChecksumParts.of(numberKey, kind)));
    }

    /** {@code 2005-06-30}, or ST.37's {@code 20050630}; anything else is no date. */
    static String isoDate(String text) {
        if (text == null) {
            return null;
        }
        String date = text.strip();
        if (date.length() == 8 && digits(date, 0, 8)) {
            date = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8);
        }
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-' || !digits(date, 0, 4)
                || !digits(date, 5, 7) || !digits(date, 8, 10)) {
            return null;
        }
        int month = Integer.parseInt(date, 5, 7, 10);
        int day = Integer.parseInt(date, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(
                Integer.parseInt(date, 0, 4, 10), month).lengthOfMonth() ? date : null;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
