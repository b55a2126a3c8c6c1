package org.ipdex.testdata;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {

    private static final LocalDate PRODUCED = LocalDate.of(2025, 1, 1);

    @Test
    void usNumbersCarryTheYearOfTheirDateAndNothingIsInTheFuture() {
        RecordGenerator us = new RecordGenerator("US", 50_000, 7, PRODUCED);
        Set<String> keys = new HashSet<>();
        while (us.hasNext()) {
            GeneratedRecord record = us.next();
            assertEquals(11, record.number().length(), record.number());
            assertEquals(Integer.toString(record.date().getYear()), record.number().substring(0, 4));
            assertFalse(record.date().isAfter(PRODUCED));
            assertTrue(Set.of("A1", "A2", "A9").contains(record.kind()));
            assertTrue(keys.add(record.numberKey() + record.kind()), "unique");
        }
    }

    @Test
    void epEntriesAreUniqueByNumberAndKindAndGrantsFollowApplications() {
        RecordGenerator ep = new RecordGenerator("EP", 50_000, 7, PRODUCED);
        Set<String> keys = new HashSet<>();
        long grants = 0;
        while (ep.hasNext()) {
            GeneratedRecord record = ep.next();
            assertEquals(7, record.number().length());
            assertTrue(keys.add(record.numberKey() + record.kind()), "unique");
            assertFalse(record.date().isAfter(PRODUCED));
            grants += record.kind().startsWith("B") ? 1 : 0;
        }
        assertTrue(grants > 10_000, "most applications are granted: " + grants);
    }

    @Test
    void theSameSeedGivesTheSameRowsInEveryLayout() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream baseline = new ByteArrayOutputStream();
        AuthorityFileWriter.write(Layout.EPO_CSV, "EP", PRODUCED, "full", new RecordGenerator("EP", 100, 3, PRODUCED), csv);
        AuthorityFileWriter.write(Layout.BASELINE_CSV, "EP", PRODUCED, "full", new RecordGenerator("EP", 100, 3, PRODUCED), baseline);
        String[] csvLines = csv.toString(StandardCharsets.UTF_8).split("\n");
        String[] baseLines = baseline.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(101, csvLines.length, "header + rows");
        assertEquals(100, baseLines.length);
        assertEquals(csvLines[1].split(";")[2], baseLines[0].split(",")[2]);
    }

    @Test
    void aCollectionMissesAndAddsWhatWasAskedInMixedSpellings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CollectionWriter.Summary summary = CollectionWriter.write(new RecordGenerator("US", 10_000, 1, PRODUCED),
                10, 5, 1, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(500, summary.extra());
        assertTrue(summary.missing() > 800 && summary.missing() < 1200, summary.toString());
        assertEquals(summary.held() + summary.extra(), text.lines().count());
        assertTrue(text.contains("US 2001/"), "spaced form");
        assertTrue(text.lines().anyMatch(line -> line.matches("US\\d{11}A\\d")), "compact form");
        assertTrue(text.lines().anyMatch(line -> line.matches("US\\d{11}")), "without kind");
    }
}
