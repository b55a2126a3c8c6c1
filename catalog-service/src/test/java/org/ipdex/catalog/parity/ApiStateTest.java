package org.ipdex.catalog.parity;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.page.Page;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.SetChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code GET /internal/v1/apiStates}: what search-service's parity check compares its indices with. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiStateTest extends CatalogTest {

    private static final String STATES = "/internal/v1/apiStates";

    @Test
    void eachApiStatesItsLatestVersionAndAnOrderIndependentChecksumOfItsOperations() {
        String first = register(spec("State One", "/b", "get", "/a", "get", "/a", "post"));
        String sameSet = register(spec("State Two", "/a", "post", "/b", "get", "/a", "get"));
        String oneChanged = register(spec("State Three", "/b", "get", "/a", "get", "/c", "post"));
        String grown = register(spec("State Four", "/a", "get"));
        harness.exchange(HttpRequest.POST(CatalogHarness.APIS + "/" + grown + "/versions",
                        spec("State Four", "/a", "get", "/d", "put").getBytes()).contentType(MediaType.APPLICATION_YAML)
                .bearerAuth(harness.office("EP")), RegistrationResponse.class);

        Map<String, ApiState> states = all(2).stream().collect(Collectors.toMap(ApiState::apiId, Function.identity()));
        assertEquals(4, states.size());
        ApiState one = states.get(first);
        assertEquals(3, one.operationCount());
        assertEquals(1, one.versionNumber());
        assertEquals(new SetChecksum().add("get /a").add("post /a").add("get /b").value(), one.operationChecksum(),
                "the SQL hash is the one search-service computes in Java");
        assertEquals(one.operationChecksum(), states.get(sameSet).operationChecksum(), "same set, another order");
        assertNotEquals(one.operationChecksum(), states.get(oneChanged).operationChecksum(), "one path changed");
        ApiState four = states.get(grown);
        assertEquals(2, four.versionNumber());
        assertEquals(2, four.operationCount());
        assertEquals(harness.feedEvents(grown).get(harness.feedEvents(grown).size() - 1).get("version").asLong(),
                four.revision(), "the revision is the version of the API's newest feed event");
    }

    @Test
    void onlyServicesMayReadIt() {
        harness.problem(HttpRequest.GET(STATES), 401);
        harness.problem(HttpRequest.GET(STATES).bearerAuth(harness.anonymous()), 403);
        harness.problem(HttpRequest.GET(STATES).bearerAuth(harness.admin()), 403);
    }

    /** Follows {@code next} through pages of {@code limit}, as search-service does. */
    private List<ApiState> all(int limit) {
        List<ApiState> states = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (after != null) {
            Page<ApiState> page = client.toBlocking().retrieve(HttpRequest.GET(STATES + "?limit=" + limit
                    + "&after=" + after).bearerAuth(tokens.forThisService()), Argument.of(Page.class, ApiState.class));
            states.addAll(page.items());
            after = page.next();
            pages++;
        }
        assertEquals(3, pages, "4 APIs in pages of 2: the last one is empty");
        return states;
    }

    private String register(String spec) {
        return harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, harness.office("EP")),
                RegistrationResponse.class).body().api().apiId();
    }

    /** A spec with these (path, method) pairs, in this order. */
    private static String spec(String title, String... pathsAndMethods) {
        StringBuilder paths = new StringBuilder();
        Map<String, List<String>> byPath = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pathsAndMethods.length; i += 2) {
            byPath.computeIfAbsent(pathsAndMethods[i], p -> new ArrayList<>()).add(pathsAndMethods[i + 1]);
        }
        byPath.forEach((path, methods) -> {
            paths.append("  ").append(path).append(":\n");
            methods.forEach(method -> paths.append("    ").append(method)
                    .append(":\n      responses:\n        '200': {description: ok}\n"));
        });
        return "openapi: 3.0.3\ninfo: {title: " + title + ", version: '1'}\npaths:\n" + paths;
    }
}
