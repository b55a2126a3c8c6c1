package org.ipdex.authority.ingest;

import org.ipdex.common.number.PublicationNumber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortcut may only ever say what PublicationNumber says (or step aside). */
class PlainNumbersTest {

    @Test
    void agreesWithPublicationNumberWheneverItAnswers() {
        List<String> numbers = List.of("1000000", "0000001", "0", "000", "EP1000000", "ep0000123", "US20050123456",
                "20050123456", "12345678901234", "1 000 000", "RE12345", "D123456", "EP", "E1", "123A", "", "US2005/0123456",
                "00000000000000", "9999999999999");
        List<String> kinds = List.of("A1", "B1", "A", "U", "C1", "AA", "1", "", "B12", "Z9");
        for (String office : List.of("EP", "US", "DE")) {
            for (String number : numbers) {
                for (String kind : kinds) {
                    check(office, number, kind);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 50_000; i++) {
            String digits = Long.toString(random.nextLong(1, 100_000_000_000_000L));
            String number = "0".repeat(random.nextInt(3)) + digits;
            String kind = (char) ('A' + random.nextInt(26)) + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(10)));
            check(random.nextBoolean() ? "EP" : "US", random.nextInt(5) == 0 ? "EP" + number : number, kind);
        }
    }

    @Test
    void stepsAsideForAnythingNotPlain() {
        assertTrue(PlainNumbers.numberKey("US", "2005/0123456", "A1").isEmpty());
        assertTrue(PlainNumbers.numberKey("US", "RE12345", "E").isEmpty());
        assertEquals(Optional.of("EP1"), PlainNumbers.numberKey("EP", "0000001", "A1"));
    }

    private static void check(String office, String number, String kind) {
        Optional<String> fast = PlainNumbers.numberKey(office, number, kind);
        if (fast.isPresent()) {
            Optional<PublicationNumber> slow = PublicationNumber.of(office, number, kind);
            assertTrue(slow.isPresent(), office + "|" + number + "|" + kind);
            assertEquals(slow.get().numberKey(), fast.get(), office + "|" + number + "|" + kind);
            assertEquals(Optional.of(kind), slow.get().kind(), office + "|" + number + "|" + kind);
        }
    }
}
