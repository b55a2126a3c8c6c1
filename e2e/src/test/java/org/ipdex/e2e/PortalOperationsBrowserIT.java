package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ipdex.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The developer's side of the portal in a real browser (issue 12): descriptions as sanitised Markdown, the portal's
 * real addresses, the request samples and the try-it form against an office server on loopback (one that allows
 * CORS, one that does not), and the office scorecard in English and Chinese.
 */
@ExtendWith(TheStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalOperationsBrowserIT {

    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Wallaby Legal Events
              version: version 1
              description: |
                **Bold marsupial claim** with a [link](https://example.org/docs) and `code`.

                <b>TSDR style</b><br /><script>window.ipdexPwned = 1</script><img src="x" onerror="window.ipdexPwned = 2">
            servers:
              - url: %s/quokka
            paths:
              /legalEvents/{applicationNumber}:
                get:
                  operationId: getLegalEvents
                  summary: Legal events of one application
                  description: "Events *newest first*.<script>window.ipdexPwned = 3</script>"
                  parameters:
                    - name: applicationNumber
                      in: path
                      required: true
                      schema: {type: string}
                      example: EP20231234
                    - name: fromDate
                      in: query
                      schema: {type: string, format: date}
                      example: "2024-01-31"
                  responses:
                    '200': {description: The events, content: {application/json: {schema: {type: object}}}}
              /legalEvents:
                post:
                  operationId: addLegalEvent
                  summary: Record a legal event
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            code: {type: string, example: EPIDOSNIGR1}
                            applicationNumber: {type: string, example: EP20231234}
                  responses:
                    '201': {description: Recorded}
              /refusing:
                get:
                  operationId: refuseCors
                  summary: A route whose server allows no other site
                  responses:
                    '200': {description: Anything}
            """;

    private LocalStack stack;
    private Http gateway;
    private Browser browser;
    private HttpServer office;
    private final List<String> officeSaw = new CopyOnWriteArrayList<>();
    private String officeUrl;
    private String apiId;

    @BeforeAll
    void start(TheStack.Running running) throws IOException {
        Assumptions.assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElse(""));
        stack = running.stack();
        gateway = running.gateway();
        office = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        office.createContext("/quokka/", this::answer);
        office.start();
        officeUrl = "http://127.0.0.1:" + office.getAddress().getPort();
        String key = PortalFixture.issueKey(gateway, stack, "EP");
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", key, "application/yaml", SPEC.formatted(officeUrl));
        assertEquals(201, registered.status(), registered.body());
        apiId = registered.json().at("/api/apiId").asText();
        browser = Browser.open(stack.gatewayUrl());
    }

    @AfterEach
    void noScriptErrors() {
        if (browser != null) {
            assertEquals(List.of(), browser.scriptErrors(), "the page logged script errors or CSP violations");
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (office != null) {
            office.stop(0);
        }
    }

    /** The office's server: the events route allows any origin (CORS), /refusing allows none. */
    private void answer(HttpExchange exchange) throws IOException {
        officeSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = "{\"applicationNumber\": \"EP20231234\", \"events\": [\"EPIDOSNIGR1\"]}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (!exchange.getRequestURI().getPath().endsWith("/refusing")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void descriptionsAreFormattedAndTheirScriptsNeverRun() {
        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=marsupial", apiId);
        browser.go("/search?q=marsupial&lang=en");
        WebElement hit = browser.visible(By.cssSelector("#results .result.api .result-description"));
        browser.until(d -> !d.findElements(By.cssSelector("#results .result-description strong mark")).isEmpty());
        assertEquals("marsupial", hit.findElement(By.cssSelector("strong mark")).getText());
        assertFalse(hit.getText().contains("**") || hit.getText().contains("<b>") || hit.getText().contains("<br"),
                hit.getText());
        String version = browser.driver().findElement(By.cssSelector("#results .result.api .badges")).getText();
        assertTrue(version.contains("version 1") && !version.contains("vversion"), version);
        browser.screenshot("20-markdown-search-hit");

        browser.go("/apis/" + apiId + "?lang=en");
        WebElement about = browser.visible(By.cssSelector(".markdown.description"));
        assertEquals("Bold marsupial claim", about.findElement(By.tagName("strong")).getText());
        assertEquals("TSDR style", about.findElement(By.tagName("b")).getText());
        assertEquals("https://example.org/docs", about.findElement(By.linkText("link")).getAttribute("href"));
        assertEquals(List.of(), about.findElements(By.cssSelector("script, img, [onerror]")));
        assertNull(((JavascriptExecutor) browser.driver()).executeScript("return window.ipdexPwned;"), "no description's script ran");
        browser.visible(By.cssSelector("#operations a[href*='/operations/getLegalEvents']"));
        browser.screenshot("21-markdown-api-page");
    }

    @Test
    void portalAddressesWorkInABrowserAndAreProblemsForApiClients() {
        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=wallaby", apiId);
        browser.go("/search?q=wallaby&lang=en");
        browser.visible(By.linkText("Wallaby Legal Events")).click();
        browser.waitForText(By.id("page-title"), "Wallaby Legal Events");
        assertTrue(browser.driver().getCurrentUrl().startsWith(stack.gatewayUrl() + "/apis/" + apiId + "?"),
                browser.driver().getCurrentUrl());
        browser.driver().navigate().refresh();
        browser.waitForText(By.id("page-title"), "Wallaby Legal Events");
        browser.driver().navigate().back();
        browser.until(d -> d.getCurrentUrl().contains("/search?"));
        browser.visible(By.linkText("Wallaby Legal Events"));

        browser.go("/?lang=en#/apis/" + apiId);
        browser.waitForText(By.id("page-title"), "Wallaby Legal Events");
        assertTrue(browser.driver().getCurrentUrl().contains("/apis/" + apiId + "?lang=en"), "an old #/ link is moved to its path");

        for (String path : List.of("/search?q=wallaby", "/apis/" + apiId, "/offices/EP/scorecard")) {
            Http.Answer client = gateway.get(path, null);
            assertEquals(404, client.status(), path);
            assertEquals("application/problem+json", client.contentType(), path);
        }
        assertEquals("application/problem+json", gateway.get("/api/v1/nothing/here", null).contentType());
    }

    @Test
    void everyOperationHasFourSamplesFromTheSpecAndATryItForm() {
        browser.go("/apis/" + apiId + "/operations/getLegalEvents?lang=en");
        String url = officeUrl + "/quokka/legalEvents/EP20231234?fromDate=2024-01-31";
        browser.waitForText(By.id("sample-curl"), url);
        assertTrue(text("sample-curl").startsWith("curl -X GET '" + url + "'"), text("sample-curl"));
        assertTrue(text("sample-java").contains("HttpRequest.newBuilder(URI.create(\"" + url + "\"))"), text("sample-java"));
        assertTrue(text("sample-python").contains("import requests") && text("sample-python").contains(
                "\"" + officeUrl + "/quokka/legalEvents/EP20231234\"") && text("sample-python").contains("\"fromDate\": \"2024-01-31\""),
                text("sample-python"));
        assertTrue(text("sample-javascript").contains("await fetch(\"" + url + "\""), text("sample-javascript"));
        WebElement description = browser.driver().findElement(By.cssSelector(".operation-description"));
        assertEquals("newest first", description.findElement(By.tagName("em")).getText());
        browser.screenshot("22-operation-samples");

        browser.driver().findElement(By.id("try-send")).click();
        browser.waitForText(By.id("try-status"), "200");
        assertTrue(text("try-response").contains("EPIDOSNIGR1"), text("try-response"));
        assertTrue(officeSaw.contains("GET /quokka/legalEvents/EP20231234?fromDate=2024-01-31 auth=null"),
                "straight from the browser, without an ipdex key: " + officeSaw);
        browser.screenshot("23-operation-tried");

        browser.go("/apis/" + apiId + "/operations/addLegalEvent?lang=en");
        browser.waitForText(By.id("sample-curl"), "--data-raw");
        assertTrue(text("sample-curl").contains("EPIDOSNIGR1") && text("sample-curl").contains("Content-Type: application/json"),
                text("sample-curl"));
        assertTrue(text("sample-python").contains("json={"), text("sample-python"));
        assertTrue(text("sample-java").contains("\"POST\""), text("sample-java"));
        assertTrue(text("sample-javascript").contains("body: JSON.stringify("), text("sample-javascript"));
    }

    @Test
    void aServerThatRefusesCorsGetsAClearNote() {
        browser.go("/apis/" + apiId + "/operations/refuseCors?lang=en");
        browser.visible(By.id("try-send")).click();
        WebElement note = browser.visible(By.id("try-cors"));
        assertTrue(note.getText().contains("CORS") && note.getText().contains(officeUrl), note.getText());
        browser.screenshot("24-operation-cors-refused");
        // the browser's own report of the refusal is expected here, and only that
        List<String> logged = browser.scriptErrors();
        assertTrue(logged.stream().allMatch(line -> line.contains("CORS policy")), logged.toString());
    }

    @Test
    void theOfficeScorecardInEnglishAndChinese() {
        JsonNode card = gateway.get("/api/v1/offices/EP/scorecard", null).json();
        assertEquals("EP", card.get("office").asText());
        assertTrue(card.get("apis").findValuesAsText("apiId").contains(apiId), card.toString());

        browser.go("/offices/EP/scorecard?lang=en");
        browser.waitForText(By.id("page-title"), "Scorecard of");
        browser.visible(By.cssSelector("table.scorecard-apis"));
        assertTrue(browser.driver().findElement(By.cssSelector("table.scorecard-apis")).getText().contains("Wallaby Legal Events"));
        browser.until(d -> d.findElements(By.cssSelector("#scorecard-charts svg.chart")).size() == 5);
        assertTrue(browser.driver().findElement(By.id("scorecard-authority")).getText().length() > 0);
        browser.screenshot("25-scorecard-en");

        browser.visible(By.id("lang-switch")).click();
        browser.waitForText(By.id("page-title"), "记分卡");
        assertTrue(browser.driver().getCurrentUrl().contains("/offices/EP/scorecard?lang=zh"), browser.driver().getCurrentUrl());
        assertTrue(browser.driver().findElement(By.cssSelector("table.scorecard-apis")).getText().contains("ST.90 得分"));
        browser.waitForText(By.id("scorecard-charts"), "每月月底的 ST.90 得分");
        browser.screenshot("26-scorecard-zh");
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }
}
