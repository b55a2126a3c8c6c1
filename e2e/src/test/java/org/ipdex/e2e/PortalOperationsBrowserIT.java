package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The developer's side of the portal in a real browser (issue 12): descriptions as sanitised CommonMark whose
 * scripts never run, real addresses typed into the browser (and a problem document for an API client at the same
 * addresses), the request samples, the try-it form against two office servers on loopback (one lets the portal's
 * origin read its answers, one sends no CORS header), the operation page's {@code connect-src}, and an office's
 * scorecard in English and Chinese. The office is the class's own (JP has no demo data), so every figure is its own.
 */
class PortalOperationsBrowserIT extends InTheBrowser {

    private static final String OFFICE = "JP";
    private static final int AUTHORITY_FILE_AGE_DAYS = 40;
    private static final String WALLABY = """
            openapi: 3.0.3
            info:
              title: Wallaby Legal Events
              version: 1.0.0
              description: |
                # Wallaby overview

                **Bold marsupial claim** with a [reference](https://example.org/docs) and `code`.

                - first hop
                - second hop

                <script>window.__pwned = 1</script>

                <img src=x onerror="window.__pwned = 2">

                [tap here](javascript:window.__pwned=3) or <a href="javascript:window.__pwned=4">there</a>.
            servers:
              - url: %s/quokka
            paths:
              /applications/{applicationNumber}/legalEvents:
                post:
                  operationId: addLegalEvent
                  summary: Record a legal event
                  description: |
                    Records one event, *newest first*.<script>window.__pwned = 5</script>

                    ![chart" onerror="window.__pwned = 6](chart.png)
                  parameters:
                    - name: applicationNumber
                      in: path
                      required: true
                      schema: {type: string}
                      example: EP20231234
                    - name: notify
                      in: query
                      schema: {type: string}
                      example: office
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            code: {type: string, example: EPIDOSNIGR1}
                            effectiveDate: {type: string, format: date, example: "2024-01-31"}
                        example: {code: EPIDOSNIGR1, effectiveDate: "2024-01-31"}
                  responses:
                    '201': {description: Recorded, content: {application/json: {schema: {type: object}}}}
            """;
    /** Version 2 drops /designs (breaking: the API is in production, the default). */
    private static final String NUMBAT = """
            openapi: 3.0.3
            info:
              title: Numbat Design Register
              version: %s
              description: Registered designs.
            servers:
              - url: %s/numbat
            paths:
              /designs/{designNumber}:
                get:
                  operationId: getDesign
                  summary: One design
                  parameters:
                    - {name: designNumber, in: path, required: true, schema: {type: string}, example: D123}
                  responses:
                    '200': {description: The design, content: {application/json: {schema: {type: object}}}}
            """;
    private static final String NUMBAT_LIST = """
              /designs:
                get:
                  operationId: listDesigns
                  summary: All designs
                  responses:
                    '200': {description: The designs, content: {application/json: {schema: {type: object}}}}
            """;

    private LocalStack stack;
    private Http gateway;
    private LoopbackServer corsServer;
    private LoopbackServer plainServer;
    private String wallaby;
    private String numbat;

    @BeforeAll
    void start(TheStack.Running running) {
        Assumptions.assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElse(""));
        stack = running.stack();
        gateway = running.gateway();
        corsServer = LoopbackServer.start(Optional.of(stack.gatewayUrl()), 201, "{\"stored\": true, \"events\": 1}");
        plainServer = LoopbackServer.start(Optional.empty(), 200, "{\"designNumber\": \"D123\"}");
        PortalFixture.createOffice(gateway, stack, OFFICE, "Japan Patent Office");
        String key = PortalFixture.issueKey(gateway, stack, OFFICE);
        wallaby = register(key, "/api/v1/catalog/apis", WALLABY.formatted(corsServer.url()));
        numbat = register(key, "/api/v1/catalog/apis", NUMBAT.formatted("1.0.0", plainServer.url()) + NUMBAT_LIST);
        Http.Answer second = gateway.post("/api/v1/catalog/apis/" + numbat + "/versions", key, "application/yaml",
                NUMBAT.formatted("2.0.0", plainServer.url()));
        assertEquals("BREAKING", second.json().get("diffVerdict").asText(), second.body());
        Http.Answer edition = gateway.post("/api/v1/authority/offices/JP/editions?wait=true", key, "application/xml",
                authorityFile(LocalDate.now(ZoneOffset.UTC).minusDays(AUTHORITY_FILE_AGE_DAYS)));
        assertEquals(201, edition.status(), edition.body());
        browser = Browser.open(stack.gatewayUrl());
    }

    @AfterAll
    void stop() {
        PortalFixture.close(corsServer, plainServer);
    }

    @Test
    void descriptionsAreFormattedAndTheirScriptsNeverRun() {
        browser.go("/apis/" + wallaby + "?lang=en");
        WebElement about = browser.visible(By.cssSelector(".markdown.description"));
        assertEquals("Wallaby overview", about.findElement(By.tagName("h3")).getText(), "# is an h3 under the page's own");
        assertEquals("Bold marsupial claim", about.findElement(By.tagName("strong")).getText());
        assertEquals("code", about.findElement(By.tagName("code")).getText());
        WebElement reference = about.findElement(By.linkText("reference"));
        assertEquals("https://example.org/docs", reference.getAttribute("href"));
        assertEquals("noopener noreferrer nofollow", reference.getAttribute("rel"));
        assertEquals(List.of("first hop", "second hop"),
                about.findElements(By.cssSelector("ul > li")).stream().map(WebElement::getText).toList());
        assertEquals(List.of(), about.findElements(By.cssSelector("script, img, [onerror]")));
        assertNull(about.findElement(By.linkText("tap here")).getAttribute("href"), "a javascript: link loses its target");
        assertNull(about.findElement(By.linkText("there")).getAttribute("href"), "a javascript: link loses its target");
        assertNothingRaw(about.getText());
        assertFalse(about.getText().contains("# ") || about.getText().contains("[tap here]"), about.getText());
        // Swagger UI renders the same description below with its own sanitiser: wait for it, then look at the whole page
        browser.waitForText(By.cssSelector("#spec .swagger-ui"), "/applications/{applicationNumber}/legalEvents");
        assertNoScriptRan();
        browser.screenshot("20-markdown-api-page");

        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=marsupial", wallaby);
        browser.go("/search?q=marsupial&lang=en");
        browser.until(d -> !d.findElements(By.cssSelector("#results .result.api .result-description strong mark")).isEmpty());
        WebElement hit = browser.driver().findElement(By.cssSelector("#results .result.api .result-description"));
        assertEquals("marsupial", hit.findElement(By.cssSelector("strong mark")).getText());
        assertNothingRaw(hit.getText());
        assertNoScriptRan();
        browser.screenshot("21-markdown-search-hit");
    }

    @Test
    void addressesTypedIntoTheBrowserOpenTheirPageAndAreProblemsForApiClients() {
        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=wallaby", wallaby);
        String search = "/search?q=wallaby";
        browser.go(search + "&lang=en");
        browser.visible(By.linkText("Wallaby Legal Events"));
        assertEquals("wallaby", browser.driver().findElement(By.id("q")).getAttribute("value"));

        String api = "/apis/" + wallaby;
        browser.go(api + "?lang=en");
        browser.waitForText(By.id("page-title"), "Wallaby Legal Events");
        browser.visible(By.cssSelector("#operations a[href*='/operations/addLegalEvent']"));

        String operation = api + "/operations/addLegalEvent";
        browser.go(operation + "?lang=en");
        browser.waitForText(By.id("page-title"), "Record a legal event");
        assertEquals("/applications/{applicationNumber}/legalEvents", text("operation-path"));
        assertTrue(browser.driver().getCurrentUrl().endsWith(operation + "?lang=en"), browser.driver().getCurrentUrl());

        for (String path : List.of(search, api, operation)) {
            Http.Answer client = gateway.getAccepting(path, "application/json");
            assertEquals(404, client.status(), path);
            assertEquals("application/problem+json", client.contentType(), path);
            assertEquals(404, client.json().get("status").asInt(), client.body());
            Http.Answer page = gateway.getAccepting(path, "text/html");
            assertEquals(200, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), path + ": " + page.contentType());
        }
    }

    @Test
    void theSamplesCarryTheServerTheFilledPathTheQueryAndTheExampleBody() {
        browser.go("/apis/" + wallaby + "/operations/addLegalEvent?lang=en");
        String address = corsServer.url() + "/quokka/applications/EP20231234/legalEvents";
        String url = address + "?notify=office";
        browser.waitForText(By.id("sample-curl"), url);

        String curl = text("sample-curl");
        assertTrue(curl.startsWith("curl -X POST '" + url + "'"), curl);
        assertTrue(curl.contains("-H 'Content-Type: application/json'") && curl.contains("--data-raw '{")
                && curl.contains("\"code\": \"EPIDOSNIGR1\"") && curl.contains("\"effectiveDate\": \"2024-01-31\""), curl);
        String java = text("sample-java");
        assertTrue(java.contains("HttpRequest.newBuilder(URI.create(\"" + url + "\"))"), java);
        assertTrue(java.contains(".method(\"POST\", HttpRequest.BodyPublishers.ofString(\"{\\n  \\\"code\\\": \\\"EPIDOSNIGR1\\\""),
                java);
        String python = text("sample-python");
        assertTrue(python.contains("import requests") && python.contains("\"" + address + "\",")
                && python.contains("params={\n        \"notify\": \"office\",") && python.contains("json={")
                && python.contains("\"code\": \"EPIDOSNIGR1\""), python);
        String javascript = text("sample-javascript");
        assertTrue(javascript.contains("await fetch(\"" + url + "\"") && javascript.contains("method: \"POST\"")
                && javascript.contains("body: JSON.stringify(") && javascript.contains("\"code\": \"EPIDOSNIGR1\""), javascript);
        WebElement about = browser.driver().findElement(By.cssSelector(".operation-description"));
        assertEquals("newest first", about.findElement(By.tagName("em")).getText());
        assertTrue(about.getText().contains("chart\" onerror=\"window.__pwned = 6"),
                "an image is its alt text, whatever that says, and never an attribute: " + about.getText());
        assertEquals(List.of(), about.findElements(By.cssSelector("script, img")));
        assertNoScriptRan();
        browser.screenshot("22-operation-samples");
    }

    @Test
    void tryItShowsTheAnswerOfAServerThatAllowsThePortal() {
        browser.go("/apis/" + wallaby + "/operations/addLegalEvent?lang=en");
        browser.visible(By.id("try-send")).click();
        browser.waitForText(By.id("try-status"), "201");
        assertTrue(text("try-response").contains("\"stored\": true"), text("try-response"));
        List<LoopbackServer.Received> received = corsServer.received();
        assertEquals(List.of("OPTIONS", "POST"), received.stream().map(LoopbackServer.Received::method).toList(),
                "a preflight (the body is JSON), then the request");
        LoopbackServer.Received sent = received.get(1);
        assertEquals("/quokka/applications/EP20231234/legalEvents?notify=office", sent.target());
        assertEquals("application/json", sent.header("Content-Type"));
        assertTrue(sent.body().contains("\"code\": \"EPIDOSNIGR1\""), sent.body());
        assertNull(sent.header("Authorization"), "straight from the browser, without an ipdex key");
        browser.screenshot("23-operation-tried");
    }

    @Test
    void tryItExplainsCorsWhenTheServerDoesNotAllowThePortal() {
        browser.go("/apis/" + numbat + "/operations/getDesign?lang=en");
        browser.visible(By.id("try-send")).click();
        WebElement note = browser.visible(By.id("try-cors"));
        assertTrue(note.getText().contains(plainServer.url()) && note.getText().contains("CORS"), note.getText());
        assertEquals(List.of("GET /numbat/designs/D123"), plainServer.received().stream()
                .map(r -> r.method() + " " + r.target()).toList(), "the request went out; only reading its answer was refused");
        browser.screenshot("24-operation-cors-refused");
        // the browser's own report of the refusal is expected here, and only that (no CSP report among them)
        List<String> logged = browser.scriptErrors();
        assertTrue(logged.stream().allMatch(line -> line.contains("CORS policy") && !line.contains("Content Security")),
                logged.toString());
    }

    @Test
    void anOperationPageMayConnectToItsOwnApisServersOnly() {
        assertEquals("connect-src 'self' " + corsServer.url(), directive("/apis/" + wallaby + "/operations/addLegalEvent"));
        assertEquals("connect-src 'self' " + plainServer.url(), directive("/apis/" + numbat + "/operations/getDesign"));
        assertEquals("connect-src 'self'", directive("/apis/" + wallaby));
        assertEquals("connect-src 'self'", directive("/search?q=wallaby"));

        // the browser holds the page to it: another API's server is refused before any request leaves
        browser.go("/apis/" + wallaby + "/operations/addLegalEvent?lang=en");
        browser.visible(By.id("try-send"));
        Object outcome = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let violated = null;
                document.addEventListener("securitypolicyviolation", e => { violated = e.effectiveDirective + " " + e.blockedURI; });
                fetch(arguments[0], { mode: "cors", credentials: "omit" })
                  .then(() => done("connected"), () => setTimeout(() => done("refused: " + violated), 100));
                """, plainServer.url() + "/numbat/designs/D999");
        assertTrue(String.valueOf(outcome).startsWith("refused: connect-src " + plainServer.url()), String.valueOf(outcome));
        assertTrue(plainServer.received().stream().noneMatch(r -> r.target().contains("D999")), "nothing reached it");
        List<String> logged = browser.scriptErrors();
        assertTrue(logged.stream().anyMatch(line -> line.contains("connect-src"))
                && logged.stream().allMatch(line -> line.contains(plainServer.url() + "/numbat/designs/D999")),
                "what was logged is this refusal alone: " + logged);
    }

    @Test
    void theOfficeScorecardInEnglishAndChinese() throws IOException {
        JsonNode card = gateway.get("/api/v1/offices/JP/scorecard", null).json();
        assertEquals(List.of(numbat, wallaby), card.get("apis").findValuesAsText("apiId").stream().sorted().toList(),
                card.toString());
        JsonNode numbatCard = apiCard(card, numbat);
        assertEquals(1, numbatCard.get("breakingChanges12Months").asInt(), numbatCard.toString());
        assertEquals("gaps", card.at("/authority/coverageStatus").asText(), card.toString());
        assertEquals(AUTHORITY_FILE_AGE_DAYS, card.at("/authority/current/ageDays").asInt(), card.toString());

        browser.go("/offices/JP/scorecard?lang=en");
        browser.waitForText(By.id("page-title"), "Scorecard of Japan Patent Office (JP)");
        browser.until(d -> d.findElements(By.cssSelector("#scorecard-charts svg.chart")).size() == 5);
        Map<String, List<String>> english = scorecardRows();
        for (JsonNode api : card.get("apis")) {
            List<String> row = english.get(api.get("title").asText());
            assertEquals(List.of(api.get("st90Score").asText(), api.get("st90Level").asText(),
                    api.get("breakingChanges12Months").asText(), uptime(api)), row.subList(1, 5), english.toString());
        }
        assertEquals("1", english.get("Numbat Design Register").get(3));
        String table = browser.driver().findElement(By.cssSelector("table.scorecard-apis")).getText();
        assertTrue(table.contains("ST.90 score") && table.contains("Breaking changes, 12 months")
                && table.contains("Uptime, 30 days"), table);
        String authority = text("scorecard-authority");
        assertTrue(authority.contains("gaps in the scope") && authority.contains("Age of the authority file")
                && authority.contains(AUTHORITY_FILE_AGE_DAYS + " days"), authority);
        assertTrue(text("scorecard-charts").contains("ST.90 score at the end of each month"), text("scorecard-charts"));
        browser.screenshot("25-scorecard-en");

        browser.visible(By.id("lang-switch")).click();
        browser.waitForText(By.id("page-title"), "Japan Patent Office (JP) 记分卡");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/offices/JP/scorecard?lang=zh"), browser.driver().getCurrentUrl());
        browser.until(d -> d.findElements(By.cssSelector("#scorecard-charts svg.chart")).size() == 5);
        Map<String, List<String>> chinese = scorecardRows();
        Map<String, String> zh = PortalTextsTest.catalogue("zh");
        for (JsonNode api : card.get("apis")) {
            String title = api.get("title").asText();
            assertEquals(english.get(title).subList(0, 5), chinese.get(title).subList(0, 5), "the same figures");
            assertEquals(zh.get("value.endpointStatus." + api.get("endpointStatus").asText()), chinese.get(title).get(5));
        }
        String chineseTable = browser.driver().findElement(By.cssSelector("table.scorecard-apis")).getText();
        assertTrue(chineseTable.contains("ST.90 得分") && chineseTable.contains("等级")
                && chineseTable.contains("破坏性变更（12 个月）") && chineseTable.contains("可用率（30 天）"), chineseTable);
        assertFalse(chineseTable.contains("Breaking changes") || chineseTable.contains("Level"), chineseTable);
        String chineseAuthority = text("scorecard-authority");
        assertTrue(chineseAuthority.contains("范围内有缺口") && chineseAuthority.contains("权威文件的时效")
                && chineseAuthority.contains(AUTHORITY_FILE_AGE_DAYS + " 天"), chineseAuthority);
        assertTrue(text("scorecard-charts").contains("每月月底的 ST.90 得分")
                && text("scorecard-charts").contains("每月破坏性变更"), text("scorecard-charts"));
        browser.screenshot("26-scorecard-zh");
    }

    private String register(String key, String path, String spec) {
        Http.Answer registered = gateway.post(path, key, "application/yaml", spec);
        assertEquals(201, registered.status(), registered.body());
        return registered.json().at("/api/apiId").asText();
    }

    /** A small ST.37 file of the office: three years of A documents, produced on the given day. */
    private static String authorityFile(LocalDate producedOn) {
        StringBuilder entries = new StringBuilder();
        IntStream.range(0, 12).forEach(i -> entries.append("""
                <authority-file-entry><publication-reference><document-id><country>JP</country>\
                <doc-number>%d</doc-number><kind>A</kind><date>%d0301</date></document-id></publication-reference>\
                </authority-file-entry>
                """.formatted(2019_000_100 + i, 2019 + i % 3)));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <authority-file country="JP" date-produced="%s" dtd-version="2.2">
                <authority-file-definition update-af-category="full"/>
                %s</authority-file>
                """.formatted(producedOn.format(DateTimeFormatter.BASIC_ISO_DATE), entries);
    }

    private static JsonNode apiCard(JsonNode card, String apiId) {
        for (JsonNode api : card.get("apis")) {
            if (apiId.equals(api.get("apiId").asText())) {
                return api;
            }
        }
        throw new AssertionError(apiId + " is not on the scorecard: " + card);
    }

    /** How the page writes an API's 30-day uptime: "—" while no probe counted (loopback servers are not probed). */
    private static String uptime(JsonNode api) {
        JsonNode percent = api.get("uptimePercent30Days");
        return percent == null || percent.isNull() ? "—" : percent.asText() + " %";
    }

    /** The scorecard's API table: title → the cells of its row as shown. */
    private Map<String, List<String>> scorecardRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("table.scorecard-apis tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    /** The connect-src of the policy the gateway sends with a page, as a browser navigating there receives it. */
    private String directive(String path) {
        Http.Answer page = gateway.getAccepting(path, "text/html");
        assertEquals(200, page.status(), path);
        String policy = page.header("Content-Security-Policy").orElseThrow();
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> d.startsWith("connect-src "))
                .findFirst().orElseThrow(() -> new AssertionError(policy));
    }

    private void assertNoScriptRan() {
        assertEquals(List.of("undefined", 0L), ((JavascriptExecutor) browser.driver()).executeScript("""
                return [typeof window.__pwned,
                  document.querySelectorAll('[onerror], [onload], [onclick], script:not([src]), a[href^="javascript:" i]').length];
                """), "no description's script ran, and no handler or javascript: link is on the page");
    }

    private static void assertNothingRaw(String shown) {
        for (String raw : List.of("**", "<", "onerror", "javascript:", "__pwned")) {
            assertFalse(shown.contains(raw), "shown as text: " + raw + " in " + shown);
        }
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }
}
