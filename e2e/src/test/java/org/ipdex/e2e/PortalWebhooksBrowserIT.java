package org.ipdex.e2e;

import org.ipdex.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An office's webhook subscriptions in the portal: subscribe a URL from the office's page with filters, a real
 * receiver (on 127.0.0.2, the one loopback address e2e/pom.xml lets catalog-service reach) gets the signed event
 * of a new version, the delivery log shows the attempt; pause and resume; the labels in Chinese.
 */
class PortalWebhooksBrowserIT extends InTheBrowser {

    private static final String OFFICE = "KR";
    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Kiwi Trademark Events
              version: %s
            servers:
              - url: https://api.example.org/kiwi
            paths:
              /trademarks/{number}:
                get:
                  operationId: getTrademark
                  summary: One trademark
                  parameters:
                    - {name: number, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: The trademark}
            """;

    private LocalStack stack;
    private Http gateway;
    private LoopbackServer receiver;
    private String key;
    private String apiId;

    @BeforeAll
    void start(TheStack.Running running) throws UnknownHostException {
        Assumptions.assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElse(""));
        stack = running.stack();
        gateway = running.gateway();
        receiver = LoopbackServer.start(InetAddress.getByName("127.0.0.2"), Optional.empty(), 200, "{\"thanks\": true}");
        PortalFixture.createOffice(gateway, stack, OFFICE, "Korean Intellectual Property Office");
        key = PortalFixture.issueKey(gateway, stack, OFFICE);
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", key, "application/yaml", SPEC.formatted("1.0.0"));
        assertEquals(201, registered.status(), registered.body());
        apiId = registered.json().at("/api/apiId").asText();
        browser = Browser.open(stack.gatewayUrl());
    }

    @AfterAll
    void stop() {
        PortalFixture.close(receiver);
    }

    @Test
    void anOfficeSubscribesSeesTheDeliveryInTheLogAndPausesAndResumes() {
        browser.go("/account?lang=en");
        WebElement keyInput = browser.visible(By.id("api-key"));
        keyInput.clear();
        keyInput.sendKeys(key);
        WebElement office = browser.driver().findElement(By.id("office-code"));
        office.clear();
        office.sendKeys(OFFICE);
        browser.driver().findElement(By.id("save-key")).click();

        String hook = receiver.url() + "/hooks/ipdex";
        browser.visible(By.id("webhook-url")).sendKeys(hook);
        browser.driver().findElement(By.id("webhook-type-api.version.published")).click();
        browser.until(d -> !d.findElements(By.cssSelector("#webhook-apis option[value='" + apiId + "']")).isEmpty());
        new Select(browser.driver().findElement(By.id("webhook-apis"))).selectByValue(apiId);
        browser.driver().findElement(By.id("webhook-subscribe")).click();
        assertTrue(browser.visible(By.id("webhook-secret")).getText().startsWith("whsec_"), "the secret, shown once");
        WebElement card = browser.visible(By.cssSelector("#subscriptions article.subscription"));
        assertEquals(hook, card.findElement(By.cssSelector(".subscription-url")).getText());
        assertEquals("active", card.findElement(By.cssSelector(".subscription-status")).getText());
        assertEquals("api.version.published", card.findElement(By.cssSelector(".subscription-types")).getText());
        assertEquals(apiId, card.findElement(By.cssSelector(".subscription-apis")).getText());
        assertEquals("No delivery attempted yet.", card.findElement(By.cssSelector(".delivery-log")).getText());
        String subscriptionId = card.getAttribute("data-subscription-id");

        Http.Answer second = gateway.post("/api/v1/catalog/apis/" + apiId + "/versions", key, "application/yaml",
                SPEC.formatted("1.1.0"));
        assertEquals(201, second.status(), second.body());
        LoopbackServer.Received delivery = awaitDelivery();
        assertEquals("POST /hooks/ipdex", delivery.method() + " " + delivery.target());
        assertTrue(delivery.header("Content-Type").startsWith("application/cloudevents+json"), delivery.header("Content-Type"));
        assertTrue(delivery.header("Webhook-Signature").startsWith("v1,"), delivery.header("Webhook-Signature"));
        assertTrue(delivery.body().contains("api.version.published") && delivery.body().contains(apiId), delivery.body());

        browser.until(d -> {
            d.findElement(By.cssSelector("article.subscription .refresh-log")).click();
            return !d.findElements(By.cssSelector("article.subscription table.delivery-attempts tbody tr")).isEmpty();
        });
        WebElement attempt = browser.visible(By.cssSelector("article.subscription table.delivery-attempts tbody tr"));
        assertTrue(attempt.getText().contains("api.version.published") && attempt.getText().contains("HTTP 200")
                && attempt.getText().contains("{\"thanks\": true}") && attempt.getText().contains("delivered"),
                attempt.getText());
        browser.screenshot("30-webhook-delivered");

        browser.driver().findElement(By.cssSelector("article.subscription button.pause")).click();
        browser.waitForText(By.cssSelector("article.subscription .subscription-status"), "paused");
        assertEquals("paused", gateway.get("/api/v1/webhooks/subscriptions/" + subscriptionId, key).json()
                .get("status").asText());
        browser.visible(By.cssSelector("article.subscription button.resume")).click();
        browser.waitForText(By.cssSelector("article.subscription .subscription-status"), "active");
        assertEquals("active", gateway.get("/api/v1/webhooks/subscriptions/" + subscriptionId, key).json()
                .get("status").asText());

        browser.visible(By.id("lang-switch")).click();
        browser.waitForText(By.tagName("main"), "Webhook 订阅");
        browser.until(d -> !d.findElements(By.cssSelector("article.subscription table.delivery-attempts tbody tr")).isEmpty());
        String chinese = browser.driver().findElement(By.cssSelector("article.subscription")).getText();
        assertTrue(chinese.contains("投递记录") && chinese.contains("已投递") && chinese.contains("活动")
                && chinese.contains("HTTP 200"), chinese);
        browser.screenshot("31-webhook-zh");
    }

    private LoopbackServer.Received awaitDelivery() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<LoopbackServer.Received> received = receiver.received();
            if (!received.isEmpty()) {
                return received.get(0);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("the receiver got no delivery in 90 s");
    }
}
