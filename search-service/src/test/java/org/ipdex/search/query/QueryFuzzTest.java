package org.ipdex.search.query;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of what a search query string turns into, offline: the parameters' checks ({@link SearchParameters},
 * {@link AuthorityParameters}, cursors) and the Elasticsearch requests built from them. The property: a request
 * that serialises to one well-formed JSON object carrying the typed text as a value (never spliced into the
 * structure), or an {@link InvalidInputException} naming the parameter; anything else would reach people as a 500.
 * The input is a query string as a browser sends it ({@code q=patent&office=EP&sort=title}), decoded as the server
 * does. A plain {@code verify} replays {@code QueryFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class QueryFuzzTest {

    private static final JacksonJsonpMapper ES_JSON = new JacksonJsonpMapper();
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @FuzzTest
    void catalogSearch(byte[] input) throws IOException {
        Map<String, List<String>> query = decode(input);
        SearchQuery parameters = new SearchQuery(first(query, "q"), query.get("office"), query.get("ipDomain"),
                query.get("serviceType"), query.get("contentType"), query.get("language"), query.get("lifecycle"),
                query.get("st90Level"), query.get("endpointStatus"), query.get("specVersion"), query.get("format"),
                query.get("method"), first(query, "sort"), first(query, "cursor"), first(query, "limit"));
        for (IndexSearch.Spec spec : List.of(ApiSearch.spec("apis"), OperationSearch.spec("operations"))) {
            SearchParameters checked;
            IndexSearch.Plan plan;
            try {
                checked = SearchParameters.of(parameters, spec.facets());
                plan = IndexSearch.plan(spec, checked);
            } catch (InvalidInputException refused) {
                assertNamesParameter(refused);
                continue;
            }
            JsonNode request = json(plan.request());
            checked.text().ifPresent(text -> assertTrue(hasQueryText(request, text),
                    () -> "the text is a value of the request: " + request));
            json(IndexSearch.facetRequest(spec, plan.text(), plan.filters()));
        }
    }

    @FuzzTest
    void authoritySearch(byte[] input) throws IOException {
        Map<String, List<String>> query = decode(input);
        AuthorityQuery parameters = new AuthorityQuery(first(query, "q"), first(query, "office"), query.get("kind"),
                first(query, "fromYear"), first(query, "toYear"), query.get("exceptionCode"), first(query, "cursor"),
                first(query, "limit"));
        SearchRequest request;
        try {
            request = AuthoritySearch.request("authority", AuthorityParameters.of(parameters));
        } catch (InvalidInputException refused) {
            assertNamesParameter(refused);
            return;
        }
        json(request);
    }

    private static Map<String, List<String>> decode(byte[] input) {
        // the server has already refused a query string it cannot decode (bad %-escapes) before any of this runs
        String raw = new String(input, StandardCharsets.UTF_8);
        try {
            return new QueryStringDecoder(raw, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException undecodable) {
            return Map.of();
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode json(SearchRequest request) throws IOException {
        String text = JsonpUtils.toJsonString(request, ES_JSON);
        JsonNode tree = STRICT.readTree(text);
        assertNotNull(tree, text);
        assertTrue(tree.isObject(), text);
        assertTrue(tree.has("query"), text);
        return tree;
    }

    /** Whether some {@code "query"} member anywhere in the request is exactly the text. */
    private static boolean hasQueryText(JsonNode node, String text) {
        JsonNode query = node.get("query");
        if (query != null && query.isTextual() && query.textValue().equals(text)) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasQueryText(child, text)) {
                return true;
            }
        }
        return false;
    }

    private static void assertNamesParameter(InvalidInputException refused) {
        assertEquals(1, refused.errors().size(), refused::getMessage);
        assertNotNull(refused.errors().get(0).parameter(), refused::getMessage);
        assertFalse(refused.errors().get(0).parameter().isBlank(), refused::getMessage);
    }
}
