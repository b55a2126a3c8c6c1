package org.ipdex.authority.ingest;

import java.util.Optional;

/**
 * The common case of {@link org.ipdex.common.number.PublicationNumber#of}, without its regular expressions:
 * authority files write numbers as plain digits (sometimes after the office code), so for those the canonical key
 * is the office plus the digits without leading zeros. Anything else — separators, series prefixes, odd kinds —
 * goes to {@code PublicationNumber} itself. {@code PlainNumbersTest} holds this to giving exactly what
 * {@code PublicationNumber.of} gives; the ingest spends a sixth of its time in those expressions otherwise.
 */
final class PlainNumbers {

    private static final int MAX_DIGITS = 13;

    private PlainNumbers() {
    }

    /**
     * @param office two upper-case letters
     * @param kind   already upper case
     * @return the number key, or empty when the text is not plain (then ask {@code PublicationNumber})
     */
    static Optional<String> numberKey(String office, String number, String kind) {
        if (!plainKind(kind)) {
            return Optional.empty();
        }
        int start = number.length() > 2 && number.regionMatches(true, 0, office, 0, 2) ? 2 : 0;
        int length = number.length() - start;
        if (length < 1 || length > MAX_DIGITS) {
            return Optional.empty();
        }
        for (int i = start; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        while (start < number.length() - 1 && number.charAt(start) == '0') {
            start++;
        }
        return Optional.of(office.concat(number.substring(start)));
    }

    private static boolean plainKind(String kind) {
        int length = kind.length();
        if (length < 1 || length > 2) {
            return false;
        }
        char letter = kind.charAt(0);
        return letter >= 'A' && letter <= 'Z' && (length == 1 || (kind.charAt(1) >= '0' && kind.charAt(1) <= '9'));
    }
}
