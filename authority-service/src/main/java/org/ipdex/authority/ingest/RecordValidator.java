package org.ipdex.authority.ingest;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.common.number.PublicationNumber;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one entry of a file for an office and turns it into a row: the number normalised by
 * {@link PublicationNumber} (the one normalisation), the date parsed, the kind and exception code checked against
 * the office's definitions. Duplicates are found after loading, by the unique index (see {@link EditionLoader}).
 * Public for the command-line tool, which checks and converts files on disk with these same rules.
 */
public final class RecordValidator {

    static final String BAD_DATE = "bad-date";
    static final String FUTURE_DATE = "future-date";
    static final String UNKNOWN_KIND = "unknown-kind";
    static final String UNKNOWN_EXCEPTION = "unknown-exception-code";
    static final String WRONG_OFFICE = "wrong-office";
    static final String BAD_NUMBER = "bad-number";
    static final String INCOMPLETE = "incomplete-entry";
    public static final String DUPLICATE = "duplicate";

    private final String office;
    private final Set<String> kinds;
    private final Set<String> exceptionCodes;
    private final int latestDay;

    /** @param definitions empty maps: codes are only checked for their shape */
    public RecordValidator(String office, OfficeDefinitions definitions, LocalDate today) {
        this.office = office;
        this.kinds = Set.copyOf(definitions.kinds().keySet());
        this.exceptionCodes = Set.copyOf(definitions.exceptionCodes().keySet());
        this.latestDay = (int) today.toEpochDay();
    }

    public Optional<AuthorityRow> check(RawRecord raw, ErrorLog errors) {
        if (!raw.problem().isEmpty()) {
            errors.add(raw.line(), INCOMPLETE, raw.problem());
            return Optional.empty();
        }
        if (!raw.office().isEmpty() && !raw.office().equalsIgnoreCase(office)) {
            errors.add(raw.line(), WRONG_OFFICE, "Entry of office " + raw.office() + " in a file of office " + office);
            return Optional.empty();
        }
        String prefix = officePrefix(raw.number());
        if (prefix != null && !prefix.equals(office)) {
            errors.add(raw.line(), WRONG_OFFICE, "Number " + raw.number() + " has the prefix of office " + prefix
                    + ", not " + office);
            return Optional.empty();
        }
        String kind = raw.kind().toUpperCase(java.util.Locale.ROOT);
        if (kind.isEmpty() || (!kinds.isEmpty() && !kinds.contains(kind))) {
            errors.add(raw.line(), UNKNOWN_KIND, kind.isEmpty() ? "Kind code missing"
                    : "Kind code " + kind + " is not defined by office " + office);
            return Optional.empty();
        }
        String numberKey = PlainNumbers.numberKey(office, raw.number(), kind).orElse(null);
        if (numberKey == null) {
            Optional<PublicationNumber> number = PublicationNumber.of(office, raw.number(), kind);
            if (number.isEmpty() || number.get().kind().isEmpty()) {
                errors.add(raw.line(), BAD_NUMBER, "Not a publication number: '" + raw.number() + "' kind '" + kind + "'");
                return Optional.empty();
            }
            numberKey = number.get().numberKey();
            kind = number.get().kind().orElseThrow();
        }
        String exception = raw.exceptionCode();
        if (!exception.isEmpty() && (exceptionCodes.isEmpty() ? !exception.matches("[A-Z]{1,2}")
                : !exceptionCodes.contains(exception))) {
            errors.add(raw.line(), UNKNOWN_EXCEPTION, "Exception code " + exception + " is not defined by office " + office);
            return Optional.empty();
        }
        int day = AuthorityRow.NO_DATE;
        if (!raw.date().isEmpty() || (!raw.delete() && exception.isEmpty())) {
            day = epochDay(raw.date());
            if (day == AuthorityRow.NO_DATE) {
                errors.add(raw.line(), BAD_DATE, raw.date().isEmpty() ? "Publication date missing"
                        : "Bad publication date '" + raw.date() + "' (expected YYYYMMDD)");
                return Optional.empty();
            }
            if (day > latestDay) {
                errors.add(raw.line(), FUTURE_DATE, "Publication date " + LocalDate.ofEpochDay(day) + " is in the future");
                return Optional.empty();
            }
        }
        return Optional.of(new AuthorityRow(office, numberKey, kind, day,
                exception.isEmpty() ? null : exception, raw.number(), raw.line(), raw.delete()));
    }

    /** The two letters a number starts with, unless they are a US series prefix; null when it starts with a digit. */
    private static String officePrefix(String number) {
        if (number.length() < 3 || !Character.isLetter(number.charAt(0)) || !Character.isLetter(number.charAt(1))) {
            return null;
        }
        String two = number.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
        return two.equals("RE") || two.equals("PP") ? null : two;
    }

    /** {@code YYYYMMDD} or {@code YYYY-MM-DD}; {@link AuthorityRow#NO_DATE} when it is neither or not a real day. */
    static int epochDay(String text) {
        int year;
        int month;
        int day;
        if (text.length() == 8 && digits(text, 0, 8)) {
            year = Integer.parseInt(text, 0, 4, 10);
            month = Integer.parseInt(text, 4, 6, 10);
            day = Integer.parseInt(text, 6, 8, 10);
        } else if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
                && digits(text, 5, 7) && digits(text, 8, 10)) {
            year = Integer.parseInt(text, 0, 4, 10);
            month = Integer.parseInt(text, 5, 7, 10);
            day = Integer.parseInt(text, 8, 10, 10);
        } else {
            return AuthorityRow.NO_DATE;
        }
        if (year < 1600) {
            return AuthorityRow.NO_DATE;
        }
        try {
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return AuthorityRow.NO_DATE;
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
