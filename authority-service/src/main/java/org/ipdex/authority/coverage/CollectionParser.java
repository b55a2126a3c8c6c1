package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.common.number.PublicationNumber;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the publication number on one line of an examiner's collection list. Without a {@code column}, the whole
 * line is the number (any spelling {@link PublicationNumber} reads, so {@code EP 1,000,000 B1} stays one number);
 * if that fails and the line is delimited (tab, semicolon, bar or comma), its first field is tried. With a column
 * (a 1-based number, or a header name), that field of each line is read. A first line that is not a number and
 * holds no digit is a header, not an error.
 */
final class CollectionParser {

    private static final String DELIMITERS = "\t;|,";

    private final String column;
    private int index = -1;
    private char delimiter;
    private boolean started;

    CollectionParser(@Nullable String column) {
        this.column = column == null || column.isBlank() ? null : column.strip();
    }

    /** Empty when the line is not a publication number; {@link #isHeader} tells a header apart. */
    Optional<PublicationNumber> parse(String line) {
        boolean firstLine = !started;
        started = true;
        if (firstLine && column != null) {
            configure(line);
            if (!column.chars().allMatch(Character::isDigit)) {
                return Optional.empty(); // the header that named the column
            }
        }
        if (column == null) {
            Optional<PublicationNumber> whole = PublicationNumber.parse(unquote(line));
            if (whole.isPresent()) {
                return whole;
            }
            char found = delimiterIn(line);
            return found == 0 ? whole : PublicationNumber.parse(unquote(field(line, found, 0)));
        }
        return PublicationNumber.parse(unquote(field(line, delimiter, index)));
    }

    /** Whether a line that did not parse is the header row rather than an error. */
    boolean isHeader(String line, long lineNumber) {
        if (lineNumber != 1) {
            return false;
        }
        return column != null && !column.chars().allMatch(Character::isDigit) || line.chars().noneMatch(Character::isDigit);
    }

    private void configure(String header) {
        delimiter = delimiterIn(header);
        if (column.chars().allMatch(Character::isDigit)) {
            index = Integer.parseInt(column) - 1;
            if (index < 0) {
                throw new CollectionException("column numbers start at 1");
            }
            return;
        }
        String[] names = delimiter == 0 ? new String[] {header} : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < names.length; i++) {
            if (unquote(names[i]).strip().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                index = i;
                return;
            }
        }
        throw new CollectionException("the first line has no column named '" + LineReader.forReport(column) + "'");
    }

    private static char delimiterIn(String line) {
        for (int i = 0; i < DELIMITERS.length(); i++) {
            if (line.indexOf(DELIMITERS.charAt(i)) >= 0) {
                return DELIMITERS.charAt(i);
            }
        }
        return 0;
    }

    private static String field(String line, char delimiter, int wanted) {
        if (delimiter == 0) {
            return wanted == 0 ? line : "";
        }
        int start = 0;
        for (int i = 0; i < wanted; i++) {
            start = line.indexOf(delimiter, start);
            if (start < 0) {
                return "";
            }
            start++;
        }
        int end = line.indexOf(delimiter, start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    private static String unquote(String text) {
        String stripped = text.strip();
        if (stripped.length() >= 2 && stripped.charAt(0) == '"' && stripped.charAt(stripped.length() - 1) == '"') {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
