package org.ipdex.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ipdex.common.parity.OfficeState;
import org.ipdex.common.parity.SetChecksum;

/**
 * One record of an authority edition in its index.
 *
 * @param numberKey office and canonical number without kind ({@code EP1000000}), what a look-up without a kind
 *                  code matches
 * @param key       {@code numberKey} with the kind ({@code EP1000000B1})
 * @param year      of the publication date, for the year filter and the year × kind statistics
 * @param docNumber the number as the authority file wrote it
 * @param checksum  the record's share of its edition's {@link SetChecksum}, for the parity check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityEntry(String office, String numberKey, String key, String kind, String publicationDate,
                             Short year, String exceptionCode, String docNumber, ChecksumParts checksum) {

    /**
     * A record's 64-bit {@link SetChecksum} hash in three parts of at most 22 bits. Elasticsearch's {@code sum}
     * aggregation adds in {@code double}, exact only below 2^53: sums of 22-bit parts stay exact for up to 2^31
     * records per index, and {@link #combine} puts them together into the exact sum modulo 2^64.
     */
    public record ChecksumParts(int high, int middle, int low) {

        private static final int BITS = 21;
        private static final long MASK = (1L << BITS) - 1;

        public static ChecksumParts of(String numberKey, String kind) {
            long hash = SetChecksum.hash(OfficeState.recordMember(numberKey, kind));
            return new ChecksumParts((int) (hash >>> (2 * BITS)), (int) ((hash >>> BITS) & MASK), (int) (hash & MASK));
        }

        /** The sum of the hashes whose parts add up to these sums (each exact, as the aggregation returns them). */
        public static long combine(long highSum, long middleSum, long lowSum) {
            return (highSum << (2 * BITS)) + (middleSum << BITS) + lowSum;
        }
    }
}
