package org.ipdex.testdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * An examiner's collection list: the authority file's entries less a chosen share ("missing"), plus numbers the
 * authority file does not have ("extra"), one per line in the mixed spellings people really use
 * ({@code EP 1 000 000 B1}, {@code EP1000000B1}, {@code EP1000000}, {@code US 2005/0123456 A1},
 * {@code US20050123456A1}). Exception-coded entries are never held (there is no document to hold).
 */
public final class CollectionWriter {

    /** What was written, so a test can assert a coverage report against it. */
    public record Summary(long held, long missing, long extra, long exceptionCoded) {
    }

    private CollectionWriter() {
    }

    public static Summary write(Iterator<GeneratedRecord> authority, double missingPercent, double extraPercent,
                                long seed, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long held = 0;
        long missing = 0;
        long exceptionCoded = 0;
        long total = 0;
        String office = null;
        while (authority.hasNext()) {
            GeneratedRecord record = authority.next();
            office = record.office();
            total++;
            if (!record.exceptionCode().isEmpty()) {
                exceptionCoded++;
                continue;
            }
            if (random.nextDouble() * 100 < missingPercent) {
                missing++;
                continue;
            }
            writer.write(spell(record, random.nextInt(3)));
            writer.write('\n');
            held++;
        }
        long extra = Math.round(total * extraPercent / 100);
        for (long i = 0; i < extra; i++) {
            writer.write(spell(invented(office == null ? "EP" : office, i), random.nextInt(3)));
            writer.write('\n');
        }
        writer.flush();
        return new Summary(held, missing, extra, exceptionCoded);
    }

    /** A number no generated authority file holds: EP-like numbers above 9,000,000; US numbers from year 2000. */
    static GeneratedRecord invented(String office, long i) {
        if (office.equals("US")) {
            return new GeneratedRecord(office, "2000" + RecordGenerator.pad(i + 1, 7), "A1",
                    java.time.LocalDate.of(2000, 6, 1), "");
        }
        return new GeneratedRecord(office, RecordGenerator.pad(9_000_000 + i, 7), "B1",
                java.time.LocalDate.of(2020, 6, 1), "");
    }

    /** 0: spaced with kind, 1: compact with kind, 2: compact without kind. */
    static String spell(GeneratedRecord record, int form) {
        String digits = record.numberKey().substring(record.office().length());
        return switch (form) {
            case 0 -> record.office().equals("US") && digits.length() == 11
                    ? "US " + digits.substring(0, 4) + "/" + digits.substring(4) + " " + record.kind()
                    : record.office() + " " + grouped(digits) + " " + record.kind();
            case 1 -> record.office() + digits + record.kind();
            default -> record.office() + digits;
        };
    }

    private static String grouped(String digits) {
        StringBuilder out = new StringBuilder();
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append(' ').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
