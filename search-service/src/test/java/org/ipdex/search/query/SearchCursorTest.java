package org.ipdex.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.ipdex.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCursorTest {

    @Test
    void aCursorCarriesItsSortValuesUnchanged() {
        List<FieldValue> values = List.of(FieldValue.of(1.2345678f), FieldValue.of("ep-ops:get:/a?b=ü"));
        String cursor = SearchCursor.encode("apis.relevance", values);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + cursor);
        List<FieldValue> decoded = SearchCursor.decode(cursor, "apis.relevance", 2);
        assertEquals((double) 1.2345678f, decoded.get(0).doubleValue());
        assertEquals("ep-ops:get:/a?b=ü", decoded.get(1).stringValue());
    }

    @Test
    void anythingElseIsInvalidInputNamingTheCursor() {
        String other = SearchCursor.encode("apis.listing", List.of(FieldValue.of("a"), FieldValue.of("b")));
        for (String cursor : List.of("garbage!", "Z2FyYmFnZQ", other, "W10", "eyJzY3JpcHQiOjF9")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> SearchCursor.decode(cursor, "apis.relevance", 2), cursor);
            assertEquals("cursor", e.errors().get(0).parameter());
        }
    }
}
