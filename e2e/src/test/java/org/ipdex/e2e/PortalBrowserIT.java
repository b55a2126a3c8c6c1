package org.ipdex.e2e;

import org.ipdex.stack.LocalStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in a real browser against the whole product: search with suggestions and a facet, an API page with
 * its ST.90 report, change log and Swagger UI, a coverage check from upload to report, the office and admin pages,
 * and the switch to Chinese. Screenshots go to e2e/target/screenshots.
 */
class PortalBrowserIT extends InTheBrowser {

    private static final String TITLE = "Quokka Legal Events";
    private static final String V1 = """
            openapi: 3.0.3
            info:
              title: Quokka Legal Events
              version: 1.0.0
              description: Legal events of Ruritanian patent applications, for the portal's browser test.
            servers:
              - url: https://api.example.org/quokka
            paths:
              /legalEvents/{applicationNumber}:
                get:
                  operationId: getLegalEvents
                  summary: Legal events of one application
                  parameters:
                    - name: applicationNumber
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: The events
              /applications:
                get:
                  operationId: listApplications
                  summary: List applications
                  responses:
                    '200':
                      description: Applications
            """;
    /** Version 2 drops /applications (breaking) and adds /designs (not breaking). */
    private static final String V2 = V1.replace("version: 1.0.0", "version: 2.0.0")
            .replace("  /applications:\n    get:\n      operationId: listApplications\n      summary: List applications\n",
                    "  /designs:\n    get:\n      operationId: listDesigns\n      summary: List designs\n");

    private LocalStack stack;
    private Http gateway;
    private String officeKey;
    private String apiId;

    @BeforeAll
    void start(TheStack.Running running) {
        Assumptions.assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElse(""));
        stack = running.stack();
        gateway = running.gateway();
        officeKey = PortalFixture.issueKey(gateway, stack, "EP");
        Http.Answer first = gateway.post("/api/v1/catalog/apis", officeKey, "application/yaml", V1);
        assertEquals(201, first.status(), first.body());
        apiId = first.json().at("/api/apiId").asText();
        Http.Answer second = gateway.post("/api/v1/catalog/apis/" + apiId + "/versions", officeKey, "application/yaml", V2);
        assertEquals(201, second.status(), second.body());
        assertEquals("BREAKING", second.json().get("diffVerdict").asText(), second.body());
        browser = Browser.open(stack.gatewayUrl());
    }

    @Test
    void searchWithSuggestionsAndAnOfficeFacet() {
        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=quokka", apiId);
        browser.go("/?lang=en#/search");
        WebElement box = browser.visible(By.id("q"));
        box.sendKeys("quokk");
        browser.waitForText(By.id("q-suggestions"), TITLE);
        browser.screenshot("01-search-suggestions");

        box.clear();
        box.sendKeys("patent", Keys.ENTER);
        browser.until(d -> d.findElements(By.cssSelector("#results .result-office")).size() > 1);
        assertTrue(officesShown().stream().anyMatch(office -> !office.contains("(EP)")),
                "demo data of several offices matches 'patent': " + officesShown());

        browser.visible(By.cssSelector("fieldset[data-facet=office] input[value=EP]")).click();
        browser.until(d -> {
            List<String> offices = officesShown();
            return !offices.isEmpty() && offices.stream().allMatch(office -> office.contains("(EP)"));
        });
        assertTrue(browser.driver().getCurrentUrl().contains("office=EP"), browser.driver().getCurrentUrl());
        browser.screenshot("02-search-filtered-by-office");

        browser.driver().findElement(By.xpath("//label[contains(@class,'tab')][normalize-space()='Operations']")).click();
        browser.until(d -> !d.findElements(By.cssSelector("#results .result.operation")).isEmpty());
    }

    @Test
    void openAnApiFromTheSearchAndItsChangeLog() {
        PortalFixture.awaitSearchHit(gateway, "/api/v1/search/apis?q=quokka", apiId);
        browser.go("/?lang=en#/search?q=quokka");
        browser.visible(By.linkText(TITLE)).click();
        browser.waitForText(By.id("page-title"), TITLE);

        WebElement breaking = browser.visible(By.cssSelector("#diff tr.breaking"));
        assertTrue(breaking.getText().contains("/applications"), breaking.getText());
        assertTrue(browser.driver().findElement(By.id("diff")).getText().contains("/designs"));
        browser.visible(By.cssSelector("#lint .score"));
        browser.visible(By.cssSelector("#lint .rule-group"));
        browser.waitForText(By.cssSelector("#spec .swagger-ui"), "/legalEvents/{applicationNumber}");
        browser.screenshot("03-api-page");
    }

    /** Swagger UI under the gateway's Content-Security-Policy: it renders, and nothing is refused (InTheBrowser checks). */
    @Test
    void theMergedApiDocumentRendersInSwaggerUi() {
        browser.go("/docs");
        browser.waitForText(By.cssSelector(".swagger-ui .info"), "ipdex");
        browser.visible(By.cssSelector(".swagger-ui .opblock-tag"));
        browser.screenshot("00-docs");
    }

    @Test
    void runACoverageCheckToItsReport() throws Exception {
        StringBuilder file = new StringBuilder("country;doc-number;kind;date;exception-code\n");
        StringBuilder collection = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            int year = 2019 + i % 3;
            String number = String.valueOf(3_000_000 + i);
            file.append("EP;").append(number).append(";A1;").append(year).append("0612;\n");
            if (i % 10 != 3) {
                // the collection writes numbers the way people do: with spaces, without, with the kind
                collection.append(i % 2 == 0 ? "EP " + number + " A1" : "EP" + number).append('\n');
            }
        }
        collection.append("EP 9999998 A1\nEP9999999\n");
        HttpResponse<String> edition = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.gatewayUrl() + "/api/v1/authority/offices/EP/editions?layout=epo-csv&wait=true"))
                .header("Authorization", "Bearer " + officeKey).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofString(file.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(edition.statusCode() == 201 || edition.statusCode() == 200, edition.body());
        Path upload = Files.createTempFile("ipdex-collection-", ".txt");
        Files.writeString(upload, collection);

        browser.go("/?lang=en#/coverage");
        browser.visible(By.id("collection-file")).sendKeys(upload.toString());
        browser.driver().findElement(By.id("scope-offices")).click();
        browser.driver().findElement(By.id("scope-office-list")).sendKeys("EP");
        browser.driver().findElement(By.id("check-name")).sendKeys("Browser test collection");
        browser.driver().findElement(By.id("start-check")).click();
        browser.until(d -> d.getCurrentUrl().contains("/coverage/"));
        browser.visible(By.id("download-missing"));
        String report = browser.driver().findElement(By.id("check-report")).getText();
        assertTrue(report.contains("Missing\n3") || report.contains("3\nMissing"), report);
        browser.screenshot("04-coverage-report");

        String missing = gateway.get(browser.driver().findElement(By.id("download-missing")).getAttribute("href")
                .replace(stack.gatewayUrl(), ""), null).body();
        for (String number : List.of("3000003", "3000013", "3000023")) {
            assertTrue(missing.contains(number), missing);
        }

        browser.go("/?lang=en#/pct");
        browser.visible(By.cssSelector("table.dashboard"));
        browser.until(d -> !d.findElements(By.cssSelector("svg.chart")).isEmpty());
        browser.screenshot("05-pct-dashboard");
        browser.go("/?lang=en#/offices/EP");
        browser.visible(By.cssSelector(".report-toggle"));
        browser.screenshot("06-office-page");
    }

    @Test
    void anOfficeRegistersASpecAndUploadsItsAuthorityFileInThePortal() throws Exception {
        String deKey = PortalFixture.issueKey(gateway, stack, "DE");
        Path spec = Files.createTempFile("ipdex-spec-", ".yaml");
        Files.writeString(spec, V1.replace("Quokka Legal Events", "Wombat Register Events"));
        StringBuilder authority = new StringBuilder("country;doc-number;kind;date;exception-code\n");
        for (int i = 0; i < 50; i++) {
            authority.append("DE;").append(10_200_000 + i).append(";A1;20").append(10 + i % 10).append("0301;\n");
        }
        Path file = Files.createTempFile("ipdex-de-authority-", ".csv");
        Files.writeString(file, authority);

        browser.go("/?lang=en#/account");
        WebElement key = browser.visible(By.id("api-key"));
        key.clear();
        key.sendKeys(deKey);
        WebElement office = browser.driver().findElement(By.id("office-code"));
        office.clear();
        office.sendKeys("DE");
        browser.driver().findElement(By.id("save-key")).click();

        browser.visible(By.id("spec-file")).sendKeys(spec.toString());
        browser.driver().findElement(By.cssSelector("#register-form button[type=submit]")).click();
        browser.waitForText(By.id("register-result"), "Registered as a new API");
        assertTrue(browser.driver().findElement(By.id("register-result")).getText().contains("Wombat Register Events"));

        browser.driver().findElement(By.id("authority-file")).sendKeys(file.toString());
        new Select(browser.driver().findElement(By.id("authority-layout"))).selectByValue("epo-csv");
        browser.driver().findElement(By.id("upload-authority")).click();
        browser.visible(By.cssSelector("#upload-result .edition-report"));
        String result = browser.driver().findElement(By.id("upload-result")).getText();
        assertTrue(result.contains("active") && result.contains("50"), result);
        browser.screenshot("07-office-own-pages");
    }

    @Test
    void anAdminIssuesAKeyShownOnceAndSeesTheScopeEditor() {
        browser.go("/?lang=en#/admin?tab=keys");
        WebElement key = browser.visible(By.id("api-key"));
        key.clear();
        key.sendKeys(stack.adminKey());
        browser.driver().findElement(By.id("save-key")).click();
        browser.visible(By.id("new-key-name")).sendKeys("Browser test key");
        browser.driver().findElement(By.id("new-key-office")).sendKeys("EP");
        browser.driver().findElement(By.cssSelector("#new-key-form button[type=submit]")).click();
        String issued = browser.visible(By.id("new-key-value")).getText();
        assertEquals(200, gateway.get("/api/v1/authority/offices/EP/editions", issued).status());
        browser.screenshot("08-admin-new-key-shown-once");

        browser.driver().findElement(By.id("tab-scope")).click();
        browser.visible(By.cssSelector("#scope-form input[data-name=office]"));
        browser.screenshot("09-admin-pct-scope-editor");
    }

    @Test
    void switchToChineseAndTheLanguageStaysInTheAddress() {
        browser.go("/?lang=en#/search");
        browser.waitForText(By.id("page-title"), "Search");
        browser.visible(By.id("lang-switch")).click();
        browser.waitForText(By.id("page-title"), "搜索");
        assertTrue(browser.driver().getCurrentUrl().contains("lang=zh"), browser.driver().getCurrentUrl());
        assertEquals("zh-Hans", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));

        browser.driver().findElement(By.linkText("覆盖率检查")).click();
        browser.waitForText(By.id("page-title"), "覆盖率检查");
        assertTrue(browser.driver().getCurrentUrl().contains("lang=zh"), browser.driver().getCurrentUrl());
        assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("馆藏清单"));
        browser.screenshot("10-chinese-coverage");

        browser.resize(360, 800);
        try {
            browser.go("/?lang=zh#/search?q=patent");
            browser.until(d -> !d.findElements(By.cssSelector("#results .result-title")).isEmpty());
            browser.waitForText(By.cssSelector(".toolbar"), "显示");
            browser.screenshot("11-chinese-search-360px");
        } finally {
            browser.resize(1280, 1000);
        }
    }

    private List<String> officesShown() {
        return browser.driver().findElements(By.cssSelector("#results .result-office")).stream()
                .map(WebElement::getText).toList();
    }

}
