package org.ipdex.testdata;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic stream of realistic entries for one office: the same office, count, seed and production date
 * always give the same records, so a benchmark can regenerate the rows it loaded (for a baseline or a collection)
 * without keeping them.
 *
 * <p>US: pre-grant publications, 11-digit numbers {@code YYYY} + 7-digit serial, the year of the number being the
 * year of the date, kinds A1/A2/A9, statuses {@code W}, {@code MA}, {@code MC}. Every other office is shaped like
 * the EPO: 7-digit numbers rising with the date from 1978, an A publication per number and for most numbers a
 * granted B publication a few years later, exception codes {@code W} (withdrawn) and {@code N} (not published).
 */
public final class RecordGenerator implements Iterator<GeneratedRecord> {

    public static final LocalDate EP_FIRST = LocalDate.of(1978, 12, 20);
    public static final int US_FIRST_YEAR = 2001;

    private final String office;
    private final long count;
    private final LocalDate producedOn;
    private final SplittableRandom random;
    private final boolean us;
    private long emitted;
    // EP-like state: the next number, and a pending grant for the current number
    private long serial = 1;
    private GeneratedRecord pendingGrant;
    // US state
    private final int usYears;
    private final long perYear;

    public RecordGenerator(String office, long count, long seed, LocalDate producedOn) {
        this.office = office;
        this.count = count;
        this.producedOn = producedOn;
        this.random = new SplittableRandom(seed);
        this.us = office.equals("US");
        this.usYears = Math.max(1, producedOn.getYear() - US_FIRST_YEAR);
        this.perYear = Math.max(1, (count + usYears - 1) / usYears);
    }

    @Override
    public boolean hasNext() {
        return emitted < count;
    }

    @Override
    public GeneratedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GeneratedRecord next = us ? nextUs() : nextEpLike();
        emitted++;
        return next;
    }

    private GeneratedRecord nextUs() {
        long year = US_FIRST_YEAR + emitted / perYear;
        long inYear = emitted % perYear;
        LocalDate date = LocalDate.of((int) year, 1, 2).plusDays(inYear * 360 / perYear);
        if (date.isAfter(producedOn)) {
            date = producedOn;
        }
        int dice = random.nextInt(1000);
        String kind = dice < 960 ? "A1" : dice < 985 ? "A2" : "A9";
        int status = random.nextInt(1000);
        String exception = status < 5 ? "W" : status < 7 ? "MA" : status < 8 ? "MC" : "";
        return new GeneratedRecord(office, year + pad(inYear + 1, 7), kind, date, exception);
    }

    private GeneratedRecord nextEpLike() {
        if (pendingGrant != null) {
            GeneratedRecord grant = pendingGrant;
            pendingGrant = null;
            return grant;
        }
        long days = producedOn.toEpochDay() - EP_FIRST.toEpochDay();
        // about 1.6 records per number: spread the numbers over the whole period
        long numbers = Math.max(1, count * 10 / 16);
        LocalDate date = EP_FIRST.plusDays(Math.min(days, (serial - 1) * days / numbers));
        String number = pad(serial++, 7);
        int dice = random.nextInt(100);
        String kind = dice < 55 ? "A1" : dice < 95 ? "A2" : "A3";
        int exceptionDice = random.nextInt(1000);
        String exception = exceptionDice < 10 ? "W" : exceptionDice < 13 ? "N" : "";
        LocalDate grantDate = date.plusDays(700 + random.nextInt(1200));
        if (exception.isEmpty() && random.nextInt(100) < 62 && !grantDate.isAfter(producedOn)) {
            pendingGrant = new GeneratedRecord(office, number, random.nextInt(50) == 0 ? "B2" : "B1", grantDate, "");
        }
        return new GeneratedRecord(office, number, kind, date, exception);
    }

    static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
