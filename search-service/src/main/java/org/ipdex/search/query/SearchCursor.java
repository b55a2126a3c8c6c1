package org.ipdex.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code search_after} values of a page's last hit, as an opaque base64url string. The sort it belongs to
 * is written into it, so a cursor handed back with a different kind of query is refused as invalid input
 * instead of reaching Elasticsearch as a malformed request.
 */
final class SearchCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchCursor() {
    }

    static String encode(String sortName, List<FieldValue> values) {
        ArrayNode array = JSON.createArrayNode().add(sortName);
        for (FieldValue value : values) {
            switch (value._kind()) {
                case Double -> array.add(value.doubleValue());
                case Long -> array.add(value.longValue());
                case Boolean -> array.add(value.booleanValue());
                case String -> array.add(value.stringValue());
                default -> array.addNull();
            }
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param size how many sort values the query expects after the sort name */
    static List<FieldValue> decode(String cursor, String sortName, int size) {
        JsonNode array;
        try {
            array = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
        if (array == null || !array.isArray() || array.size() != size + 1 || !sortName.equals(array.get(0).asText())) {
            throw invalid();
        }
        List<FieldValue> values = new ArrayList<>(size);
        for (int i = 1; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (node.isIntegralNumber()) {
                values.add(FieldValue.of(node.longValue()));
            } else if (node.isNumber()) {
                values.add(FieldValue.of(node.doubleValue()));
            } else if (node.isTextual()) {
                values.add(FieldValue.of(node.textValue()));
            } else if (node.isBoolean()) {
                values.add(FieldValue.of(node.booleanValue()));
            } else {
                throw invalid();
            }
        }
        return values;
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.parameter("cursor", "not a cursor of this search; pass the 'next' of the "
                + "previous page unchanged");
    }
}
