package org.ipdex.catalog.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.ipdex.catalog.lint.CorpusSpecs;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registers the whole shared corpus (the APIs.guru sample and the office specs) under one office, one spec at a time,
 * as a new user would: every spec swagger-parser itself can read registers, and specs that share a title stay
 * separate APIs (the 409 names a free id; the spec registers under it). Skipped when ../shared is not checked out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRegistrationTest extends CatalogTest {

    private static final String OFFICE = "QZ";
    private static final Pattern FREE = Pattern.compile("(\\S+) is free");
    private static final Pattern INTERNAL = Pattern.compile("Exception|Cannot invoke|java\\.|io\\.swagger");

    @Test
    void everyReadableCorpusSpecRegistersAndSameTitlesStayTwoApis() throws Exception {
        Assumptions.assumeTrue(CorpusSpecs.available(), "../shared corpus not present");
        List<String> failures = new ArrayList<>();
        int readable = 0;
        int conflicts = 0;
        for (Map.Entry<String, byte[]> spec : CorpusSpecs.all().entrySet()) {
            if (!swaggerParserReads(spec.getValue())) {
                continue;
            }
            readable++;
            Outcome first = register(spec.getValue(), "");
            if (first.status() == 409) {
                conflicts++;
                String free = first.problem().errors().stream().map(ProblemError::message).map(FREE::matcher)
                        .filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).findFirst().orElseThrow();
                first = register(spec.getValue(), "&apiId=" + free);
            }
            if (first.status() != 201) {
                failures.add(spec.getKey() + " → " + first.status() + " " + first.detail());
            } else if (first.detail() != null) {
                failures.add(spec.getKey() + " → a problem on success?");
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(readable, apisOfOffice(), "one API per spec: none merged into another");
        assertTrue(conflicts >= 1, "the sample holds two specs titled import.io");
    }

    private record Outcome(int status, String detail, Problem problem) {
    }

    private Outcome register(byte[] spec, String query) {
        String type = new String(spec, 0, Math.min(spec.length, 64), StandardCharsets.UTF_8).stripLeading()
                .startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_YAML;
        try {
            HttpResponse<RegistrationResponse> answer = client.toBlocking().exchange(harness.upload(spec, type,
                    harness.admin()).uri(java.net.URI.create(APIS + "?office=" + OFFICE + query)),
                    Argument.of(RegistrationResponse.class), Argument.of(Problem.class));
            return new Outcome(answer.getStatus().getCode(), null, null);
        } catch (HttpClientResponseException refused) {
            Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
            assertTrue(!INTERNAL.matcher(problem.detail()).find(), "no library exception text: " + problem.detail());
            return new Outcome(refused.getStatus().getCode(), problem.detail(), problem);
        }
    }

    private static boolean swaggerParserReads(byte[] spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        try {
            OpenAPI model = new OpenAPIParser().readContents(new String(spec, StandardCharsets.UTF_8), null, options)
                    .getOpenAPI();
            return model != null && model.getInfo() != null && model.getInfo().getTitle() != null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private int apisOfOffice() {
        int count = 0;
        String cursor = "";
        do {
            Page<ApiResponse> page = client.toBlocking().retrieve(HttpRequest.GET(APIS + "?office=" + OFFICE
                    + "&limit=200&cursor=" + cursor).bearerAuth(harness.anonymous()),
                    Argument.of(Page.class, ApiResponse.class));
            count += page.items().size();
            cursor = page.next();
        } while (cursor != null);
        return count;
    }
}
