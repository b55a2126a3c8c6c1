package org.ipdex.cli.authority;

import org.ipdex.authority.ingest.AuthorityRow;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the definition part of an ST.37 file says about its entries (kinds and exception codes used and how often,
 * the date and number ranges, the most recent document), gathered in a first pass over the input because the header
 * comes before the entries. A handful of counters: constant memory whatever the file's size.
 */
final class FileStatistics {

    /** Publication numbers of one office compare as numbers: shorter is smaller, then digit by digit. */
    static final Comparator<String> NUMBERS = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.<String>naturalOrder());

    final Map<String, Long> kinds = new TreeMap<>();
    final Map<String, Long> exceptionCodes = new TreeMap<>();
    long entries;
    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
    String lastDayNumber;
    String lowestNumber;
    String highestNumber;

    void add(AuthorityRow row) {
        entries++;
        kinds.merge(row.kind(), 1L, Long::sum);
        if (row.exceptionCode() != null) {
            exceptionCodes.merge(row.exceptionCode(), 1L, Long::sum);
        }
        String number = row.docNumber();
        if (row.epochDay() != AuthorityRow.NO_DATE) {
            firstDay = Math.min(firstDay, row.epochDay());
            if (row.epochDay() > lastDay || (row.epochDay() == lastDay && NUMBERS.compare(number, lastDayNumber) > 0)) {
                lastDay = row.epochDay();
                lastDayNumber = number;
            }
        }
        lowestNumber = lowestNumber == null || NUMBERS.compare(number, lowestNumber) < 0 ? number : lowestNumber;
        highestNumber = highestNumber == null || NUMBERS.compare(number, highestNumber) > 0 ? number : highestNumber;
    }

    Optional<LocalDate> firstDate() {
        return firstDay == Integer.MAX_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(firstDay));
    }

    Optional<LocalDate> lastDate() {
        return lastDay == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(lastDay));
    }
}
