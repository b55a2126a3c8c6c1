package org.ipdex.common.number;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patent publication number in its canonical form, whatever way it was written: {@code EP 1 000 000 B1},
 * {@code EP1000000B1}, {@code EP1000000}, {@code US 2005/0123456 A1}, {@code US20050123456A1}. This is the one
 * normalisation used everywhere (ingest, look-up, coverage checks, the search index), so that the same document
 * always has the same key.
 *
 * <p>Canonical form: the ST.3 office code, then the number without separators and without leading zeros (offices
 * pad differently: EPO files write {@code 0000001}, people write {@code 1}), then the ST.16 kind code if known.
 * Numbers that carry a series prefix (US {@code RE}, {@code D}, {@code PP}, {@code H}, {@code T}) keep it.
 *
 * @param office the ST.3 code, upper case
 * @param number the number, canonical (no separators, no leading zeros)
 * @param kind   the ST.16 kind code, if the text had one
 */
public record PublicationNumber(String office, String number, Optional<String> kind) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s/.,\\-_]+");
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Z]{2})((?:RE|PP|D|H|T)?)(\\d{1,13})([A-Z]\\d?)?");

    private static final Set<String> TWO_LETTER_SERIES = Set.of("RE", "PP");

    public PublicationNumber {
        kind = kind == null ? Optional.empty() : kind;
    }

    /** Reads one written form; empty when the text is not a publication number at all. */
    public static Optional<PublicationNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("");
        if (compact.length() > 24) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(compact);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = stripLeadingZeros(matcher.group(3));
        return Optional.of(new PublicationNumber(matcher.group(1), matcher.group(2) + digits,
                Optional.ofNullable(matcher.group(4))));
    }

    /** Builds the canonical form from the separate fields of an authority-file record. */
    public static Optional<PublicationNumber> of(String office, String number, String kind) {
        String officeCode = office == null ? "" : office.strip().toUpperCase(Locale.ROOT);
        String text = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        // authority files sometimes repeat the office code inside the number column; a code that is also a series
        // prefix (RE, PP: no real office has them) is read as the prefix, as parse reads the joined key (Jazzer)
        if (!officeCode.isEmpty() && text.startsWith(officeCode) && !TWO_LETTER_SERIES.contains(officeCode)) {
            text = text.substring(officeCode.length());
        }
        return parse(officeCode + text + (kind == null ? "" : kind.strip()));
    }

    /** Office and number without the kind: the key a collection entry without a kind code matches. */
    public String numberKey() {
        return office + number;
    }

    /** The full key: office, number and kind. */
    public String key() {
        return numberKey() + kind.orElse("");
    }

    public PublicationNumber withKind(String kindCode) {
        return new PublicationNumber(office, number, Optional.ofNullable(kindCode));
    }

    @Override
    public String toString() {
        return key();
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
