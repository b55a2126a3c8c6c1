package org.ipdex.common.number;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicationNumberTest {

    @ParameterizedTest
    @CsvSource({
            "'EP 1 000 000 B1', EP1000000B1",
            "EP1000000B1, EP1000000B1",
            "EP1000000, EP1000000",
            "ep 1000000 b1, EP1000000B1",
            "EP0000001A1, EP1A1",
            "'US 2005/0123456 A1', US20050123456A1",
            "US20050123456A1, US20050123456A1",
            "'US 7,654,321 B2', US7654321B2",
            "USRE045678E, USRE45678E",
            "USD0512345S, USD512345S",
            "'WO 2005/012345 A1', WO2005012345A1",
            "CN1234567C, CN1234567C",
            "JP2004123456A, JP2004123456A"})
    void everyCommonSpellingHasOneCanonicalKey(String written, String key) {
        assertEquals(key, PublicationNumber.parse(written).orElseThrow().key());
    }

    @Test
    void theNumberKeyLeavesOutTheKind() {
        PublicationNumber number = PublicationNumber.parse("EP 1 000 000 B1").orElseThrow();
        assertEquals("EP1000000", number.numberKey());
        assertEquals(Optional.of("B1"), number.kind());
        assertEquals("EP", number.office());
    }

    @Test
    void anOfficeCodeThatIsAlsoASeriesPrefixIsNotTakenForARepeat() {
        // "RERE22" reads as office RE, number RE22 (a reissue-style prefix); its fields must read the same
        PublicationNumber joined = PublicationNumber.parse("RERE22").orElseThrow();
        assertEquals("RE22", joined.number());
        assertEquals(Optional.of(joined), PublicationNumber.of(joined.office(), joined.number(), null));
        assertEquals("EP1000000B1", PublicationNumber.of("EP", "EP0001000000", "B1").orElseThrow().key());
    }

    @Test
    void recordFieldsAreNormalisedTheSameWay() {
        assertEquals("US20010000001A1", PublicationNumber.of("US", "US20010000001", "A1").orElseThrow().key());
        assertEquals("EP1000000B1", PublicationNumber.of("ep", "0001000000", "B1").orElseThrow().key());
        assertEquals(PublicationNumber.parse("EP1000000B1"), PublicationNumber.of("EP", "1 000 000", "B1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1000000", "EPX", "E1000000", "EP", "EP 1000000 B1 extra",
            "'; DROP TABLE authority_record; --", "EP12345678901234567890"})
    void textThatIsNoPublicationNumberIsRejected(String text) {
        assertTrue(PublicationNumber.parse(text).isEmpty(), text);
    }
}
