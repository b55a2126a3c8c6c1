package org.ipdex.authority.ingest;

import org.ipdex.authority.edition.StatisticRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts accepted rows as they stream past (a full edition's set is its file, so no second pass over the table
 * is needed): year × kind, exception codes, date range and number range.
 */
final class SetStatistics {

    private static final int FIRST_YEAR = 1600;
    private static final int YEARS = 600;

    private final Map<String, long[][]> byKind = new HashMap<>();
    private final Map<String, Long> byException = new TreeMap<>();
    private long records;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;
    private String lowest;
    private String highest;

    void add(AuthorityRow row) {
        records++;
        long[][] counts = byKind.computeIfAbsent(row.kind(), kind -> new long[2][YEARS + 1]);
        int slot = YEARS;
        if (row.epochDay() != AuthorityRow.NO_DATE) {
            firstDay = Math.min(firstDay, row.epochDay());
            lastDay = Math.max(lastDay, row.epochDay());
            int year = LocalDate.ofEpochDay(row.epochDay()).getYear() - FIRST_YEAR;
            slot = year >= 0 && year < YEARS ? year : YEARS;
        }
        counts[0][slot]++;
        if (row.exceptionCode() != null) {
            counts[1][slot]++;
            byException.merge(row.exceptionCode(), 1L, Long::sum);
        }
        String key = row.numberKey();
        if (lowest == null || compareNumbers(key, lowest) < 0) {
            lowest = key;
        }
        if (highest == null || compareNumbers(key, highest) > 0) {
            highest = key;
        }
    }

    List<StatisticRow> rows() {
        List<StatisticRow> rows = new ArrayList<>();
        byKind.forEach((kind, counts) -> {
            for (int slot = 0; slot <= YEARS; slot++) {
                if (counts[0][slot] > 0) {
                    rows.add(new StatisticRow(slot == YEARS ? 0 : slot + FIRST_YEAR, kind, counts[0][slot], counts[1][slot]));
                }
            }
        });
        return rows;
    }

    EditionSummary summary() {
        Map<String, Long> kinds = new TreeMap<>();
        rows().forEach(row -> kinds.merge(row.kind(), row.records(), Long::sum));
        return new EditionSummary(records, kinds, byException,
                firstDay == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(firstDay),
                lastDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(lastDay), lowest, highest);
    }

    /** Summary of a set built in the database (updates, or a file that had duplicates). */
    static EditionSummary fromDatabase(long records, List<StatisticRow> rows, Map<String, Long> exceptions,
                                       LocalDate first, LocalDate last) {
        Map<String, Long> kinds = new TreeMap<>();
        rows.forEach(row -> kinds.merge(row.kind(), row.records(), Long::sum));
        return new EditionSummary(records, kinds, exceptions, first, last, null, null);
    }

    /** Numbers compare as numbers (EP999 before EP1000000), not as text. */
    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
