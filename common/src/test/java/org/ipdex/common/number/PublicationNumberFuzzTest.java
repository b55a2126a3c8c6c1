package org.ipdex.common.number;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of the one normaliser of publication numbers (search queries, uploaded records and collections all
 * pass through it). It documents no exception: anything thrown is a finding. Where it succeeds the canonical form is
 * a fixed point — normalising the key again gives the same number — or the same document would get two keys.
 * Inputs are bytes read as UTF-8 (any script) and as ISO-8859-1 (every byte a character), so the seeds are text.
 */
class PublicationNumberFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        for (String text : texts(input)) {
            Optional<PublicationNumber> parsed = PublicationNumber.parse(text);
            parsed.ifPresent(number -> {
                assertEquals(parsed, PublicationNumber.parse(number.key()), () -> "the key of '" + text + "'");
                assertEquals(Optional.of(number.numberKey()),
                        PublicationNumber.parse(number.numberKey()).map(PublicationNumber::key),
                        () -> "the number key of '" + text + "'");
                assertTrue(number.key().chars().allMatch(c -> c > ' ' && c < 128), number::key);
            });
        }
    }

    /** {@code office<TAB>number<TAB>kind}, as the columns of an authority-file record. */
    @FuzzTest
    void fromFields(byte[] input) {
        for (String text : texts(input)) {
            String[] fields = text.split("\t", 3);
            String office = fields[0];
            String number = fields.length > 1 ? fields[1] : null;
            String kind = fields.length > 2 ? fields[2] : null;
            PublicationNumber.of(office, number, kind).ifPresent(parsed -> {
                assertEquals(Optional.of(parsed), PublicationNumber.of(parsed.office(), parsed.number(),
                        parsed.kind().orElse(null)), () -> "fields '" + text + "'");
                assertEquals(Optional.of(parsed), PublicationNumber.parse(parsed.key()), () -> "fields '" + text + "'");
            });
        }
    }

    private static String[] texts(byte[] input) {
        return new String[] {new String(input, StandardCharsets.UTF_8), new String(input, StandardCharsets.ISO_8859_1)};
    }
}
