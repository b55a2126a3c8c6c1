package org.ipdex.catalog.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.catalog.api.EndpointTargets;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.SsrfTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Webhooks end to end inside catalog-service: real PostgreSQL, a real HTTP receiver (a JDK server on 127.0.0.2,
 * allow-listed as the SSRF tests do; loopback itself stays refused), authority-service's feed as a stub server,
 * and the timer's two steps (route, deliver) driven by the test. Each test filters its subscriptions to offices of
 * its own, so the events of the others do not reach it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTest extends CatalogTest {

    private static final String SUBSCRIPTIONS = "/api/v1/webhooks/subscriptions";
    private static final long FIRST_RETRY_MS = 400;
    private static final String V1 = """
            openapi: 3.1.0
            info: {title: %s, version: "1.0.0"}
            paths:
              /applications:
                get:
                  operationId: listApplications
                  responses:
                    '200': {description: ok}
              /applications/{applicationNumber}:
                get:
                  operationId: getApplication
                  parameters:
                    - {name: applicationNumber, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok}
            """;
    private static final String V2_BREAKING = """
            openapi: 3.1.0
            info: {title: %s, version: "2.0.0"}
            paths:
              /applications:
                get:
                  operationId: listApplications
                  responses:
                    '200': {description: ok}
            """;

    @Inject
    FeedRouter router;
    @Inject
    Deliverer deliverer;
    @Inject
    EndpointTargets endpoints;
    Receiver receiver;
    AuthorityFeedStub authority;

    @Override
    protected void configure(Map<String, String> properties) {
        try {
            receiver = new Receiver(InetAddress.getByName("127.0.0.2"));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        authority = new AuthorityFeedStub();
        properties.put("ipdex.catalog.fetch.allow", "127.0.0.2/32");
        properties.put("ipdex.test.fake-dns", "true");
        properties.put("ipdex.catalog.webhooks.enabled", "false");
        properties.put("ipdex.catalog.webhooks.timeout", "2s");
        properties.put("ipdex.catalog.webhooks.first-retry", FIRST_RETRY_MS + "ms");
        properties.put("ipdex.catalog.webhooks.max-retry", "10s");
        properties.put("ipdex.catalog.webhooks.pause-after-failures", "3");
        properties.put("ipdex.catalog.webhooks.pause-after", "0s");
        properties.put("ipdex.catalog.webhooks.authority-feed-url", authority.url().toString());
    }

    @AfterAll
    void stop() {
        receiver.close();
        authority.close();
    }

    @Test
    void aPublishedVersionAndABreakingChangeArriveAsSignedCloudEvents() throws Exception {
        String apiId = register("EP", "Signed register");
        JsonNode created = subscribe(harness.office("EP"), """
                {"url": "%s", "offices": ["EP"], "types": ["api.version.published", "api.breaking-change"]}"""
                .formatted(receiver.url("/signed")));
        String secret = created.path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        pump();
        assertEquals(0, receiver.at("/signed").size(), "version 1 was published before the subscription");

        newVersion(apiId, V2_BREAKING.formatted("Signed register"), "EP");
        awaitTrue(() -> receiver.at("/signed").size() == 2, "both events of version 2");

        List<Receiver.Received> got = receiver.at("/signed");
        for (Receiver.Received request : got) {
            assertEquals(CloudEvent.MEDIA_TYPE + "; charset=utf-8", request.header("content-type"));
            String id = request.header("webhook-id");
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "a current timestamp");
            assertEquals(expectedSignature(secret, id, timestamp, request.body()), request.header("webhook-signature"),
                    "the signature verifies with the secret alone");
            assertFalse(request.header("webhook-signature").equals(expectedSignature(secret, id, timestamp + 1,
                    request.body())), "the timestamp is signed");
            JsonNode event = CatalogHarness.json(request.text());
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals(id, event.path("id").asText(), "the CloudEvent id is the Webhook-Id");
            assertTrue(event.path("source").asText().endsWith("/api/v1/catalog/apis/" + apiId), event.toString());
            assertEquals("versions/2", event.path("subject").asText());
            assertEquals("application/json", event.path("datacontenttype").asText());
            assertTrue(Instant.parse(event.path("time").asText()).isBefore(Instant.now()));
            assertEquals(2, event.path("data").path("version").asInt());
            assertTrue(event.path("data").path("breakingChange").asBoolean());
        }
        assertEquals(Set.of("api.version.published", "api.breaking-change"), Set.of(
                CatalogHarness.json(got.get(0).text()).path("type").asText(),
                CatalogHarness.json(got.get(1).text()).path("type").asText()));

        List<DeliveryAttemptResponse> log = attempts(created.path("subscriptionId").asText(), harness.office("EP"));
        assertEquals(2, log.size());
        for (DeliveryAttemptResponse attempt : log) {
            assertEquals(200, attempt.httpStatus());
            assertTrue(attempt.responseMillis() != null && attempt.responseMillis() >= 0);
            assertEquals("thanks", attempt.responseExcerpt());
            assertNull(attempt.error());
        }

        pump();
        assertEquals(2, receiver.at("/signed").size(), "a delivered event is not sent again");
    }

    @Test
    void filtersLetOnlyMatchingEventsThrough() throws Exception {
        String apiId = register("JP", "Filtered register");
        String other = register("KR", "Other register");
        String owner = harness.office("JP");
        subscribe(owner, hook("/f-office-kr", "\"offices\": [\"KR\"], \"types\": [\"api.version.published\"]"));
        subscribe(owner, hook("/f-api", "\"apiIds\": [\"" + apiId + "\"]"));
        subscribe(owner, hook("/f-down", "\"offices\": [\"JP\"], \"types\": [\"api.endpoint.down\"]"));
        subscribe(owner, hook("/f-up", "\"offices\": [\"JP\"], \"types\": [\"api.endpoint.up\"]"));
        subscribe(owner, hook("/f-authority", "\"offices\": [\"CN\"], \"types\": [\"authority.edition.activated\","
                + " \"coverage.check.finished\"]"));

        newVersion(other, V2_BREAKING.formatted("Other register"), "KR");
        endpoints.recordStatus(apiId, "DOWN");
        endpoints.recordStatus(apiId, "UP");
        Instant now = Instant.now();
        authority.add(authorityEvent("edition.activated", "CN", now,
                "{\"editionId\": 7, \"office\": \"CN\", \"category\": \"full\", \"recordCount\": 10}"));
        authority.add(authorityEvent("edition.activated", "IN", now,
                "{\"editionId\": 8, \"office\": \"IN\", \"category\": \"full\", \"recordCount\": 10}"));
        authority.add(authorityEvent("coverage.check.finished", "cc-12", now, "{\"checkId\": \"cc-12\", \"scope\": "
                + "\"offices:CN,IN\", \"offices\": [\"CN\", \"IN\"], \"totals\": {\"expected\": 10, \"held\": 9}}"));
        awaitTrue(() -> receiver.at("/f-authority").size() == 2 && receiver.at("/f-up").size() == 1
                && receiver.at("/f-office-kr").size() == 1, "the matching events");
        pump();

        assertEquals(List.of("api.version.published"), types("/f-office-kr"), "KR's new version, not JP's");
        assertEquals(other, CatalogHarness.json(receiver.at("/f-office-kr").get(0).text()).path("data")
                .path("apiId").asText());
        assertEquals(List.of("api.endpoint.down", "api.endpoint.up"), sorted(types("/f-api")),
                "every type about that one API, nothing about the other");
        assertEquals(List.of("api.endpoint.down"), types("/f-down"));
        assertEquals(List.of("api.endpoint.up"), types("/f-up"));
        assertEquals(List.of("authority.edition.activated", "coverage.check.finished"), sorted(types("/f-authority")),
                "CN's edition, not IN's, and the check that covered CN");
        JsonNode edition = CatalogHarness.json(receiver.at("/f-authority").stream()
                .filter(r -> r.text().contains("authority.edition.activated")).findFirst().orElseThrow().text());
        assertEquals("7", edition.path("subject").asText());
        assertTrue(edition.path("id").asText().startsWith(AuthorityFeedStub.FEED_ID + ":"), edition.toString());
    }

    @Test
    void aFailingReceiverGetsGrowingDelaysThenTheSubscriptionPausesUntilResumed() throws Exception {
        receiver.answer("/failing", 500);
        String owner = harness.office("BR");
        String apiId = register("BR", "Failing register");
        JsonNode created = subscribe(owner, hook("/failing",
                "\"offices\": [\"BR\"], \"types\": [\"api.version.published\"]"));
        String id = created.path("subscriptionId").asText();

        newVersion(apiId, V2_BREAKING.formatted("Failing register"), "BR");
        awaitTrue(() -> "paused".equals(subscription(id, owner).status()), "paused after three failures");
        List<Receiver.Received> tries = receiver.at("/failing");
        assertEquals(3, tries.size(), "one attempt per round per subscription, three before the pause");
        long firstGap = (tries.get(1).arrivedNanos() - tries.get(0).arrivedNanos()) / 1_000_000;
        long secondGap = (tries.get(2).arrivedNanos() - tries.get(1).arrivedNanos()) / 1_000_000;
        assertTrue(firstGap >= FIRST_RETRY_MS / 2 - 20 && firstGap <= FIRST_RETRY_MS + 400, "first gap " + firstGap);
        assertTrue(secondGap >= FIRST_RETRY_MS - 20 && secondGap <= 2 * FIRST_RETRY_MS + 400, "second " + secondGap);
        assertTrue(secondGap > firstGap, "the delays grow: " + firstGap + " then " + secondGap);

        SubscriptionResponse paused = subscription(id, owner);
        assertEquals(3, paused.consecutiveFailures());
        assertTrue(paused.pausedReason().contains("HTTP 500"), paused.pausedReason());
        List<DeliveryAttemptResponse> log = attempts(id, owner);
        assertEquals(3, log.size());
        assertTrue(log.stream().allMatch(a -> a.httpStatus() == 500
                && a.responseExcerpt().equals("receiver broken: 500")), log.toString());
        assertTrue(log.stream().allMatch(a -> "pending".equals(a.deliveryStatus()) && a.nextAttemptAt() != null),
                "the delivery waits with its next attempt's time: " + log);

        long until = System.nanoTime() + 3 * FIRST_RETRY_MS * 1_000_000;
        while (System.nanoTime() < until) {
            pump();
            Thread.sleep(20);
        }
        assertEquals(3, receiver.at("/failing").size(), "a paused subscription is not tried");

        receiver.answer("/failing", 204);
        SubscriptionResponse resumed = harness.exchange(HttpRequest.PATCH(SUBSCRIPTIONS + "/" + id,
                "{\"status\": \"active\"}").contentType(MediaType.APPLICATION_JSON).bearerAuth(owner),
                SubscriptionResponse.class).body();
        assertEquals("active", resumed.status());
        assertEquals(0, resumed.consecutiveFailures());
        awaitTrue(() -> receiver.at("/failing").size() == 4, "the waiting event, at once");
        DeliveryAttemptResponse last = attempts(id, owner).get(0);
        assertEquals(204, last.httpStatus());
        assertEquals("delivered", last.deliveryStatus());
        assertNull(last.nextAttemptAt(), "nothing left to try");
    }

    @Test
    void onlyTheOwningKeyMayReadOrChangeASubscription() {
        String owner = tokens.issue(new Identity("key:owner", Set.of(Roles.OFFICE), Optional.of("US")));
        String sameOffice = tokens.issue(new Identity("key:colleague", Set.of(Roles.OFFICE), Optional.of("US")));
        String id = subscribe(owner, hook("/owned", "\"offices\": [\"ZZ\"]")).path("subscriptionId").asText();
        String path = SUBSCRIPTIONS + "/" + id;

        for (MutableHttpRequest<?> request : List.of(HttpRequest.GET(path), HttpRequest.GET(path + "/deliveryAttempts"),
                HttpRequest.PATCH(path, "{\"status\": \"paused\"}").contentType(MediaType.APPLICATION_JSON),
                HttpRequest.DELETE(path))) {
            Problem refused = harness.problem(request.bearerAuth(sameOffice), 403);
            assertTrue(refused.detail().contains("another key"), refused.detail());
        }
        harness.problem(HttpRequest.GET(path).bearerAuth(harness.anonymous()), 401);
        harness.problem(HttpRequest.POST(SUBSCRIPTIONS, hook("/anonymous", "")).contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(harness.anonymous()), 401);
        Page<SubscriptionResponse> theirs = client.toBlocking().retrieve(HttpRequest.GET(SUBSCRIPTIONS)
                .bearerAuth(sameOffice), Argument.of(Page.class, SubscriptionResponse.class));
        assertTrue(theirs.items().isEmpty(), "a key lists only its own");

        SubscriptionResponse mine = subscription(id, owner);
        assertEquals("active", mine.status(), "the refused PATCH changed nothing");
        assertNull(mine.secret(), "the secret is shown once, at creation");
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(harness.admin()))
                .getStatus(), "an administrator may look");
        assertEquals(HttpStatus.NO_CONTENT, client.toBlocking().exchange(HttpRequest.DELETE(path).bearerAuth(owner))
                .getStatus());
        harness.problem(HttpRequest.GET(path).bearerAuth(owner), 404);
    }

    @Test
    void privateAddressesAreRefusedAtCreationAndOnDeliveryAfterTheDnsChanged() throws Exception {
        String owner = harness.office("MX");
        for (String url : List.of("http://10.0.0.1/hook", "http://intranet.ipdex.test/hook",
                "http://127.0.0.1:" + receiver.port() + "/hook", "http://169.254.169.254/latest/meta-data/")) {
            Problem refused = harness.problem(HttpRequest.POST(SUBSCRIPTIONS, "{\"url\": \"" + url + "\"}")
                    .contentType(MediaType.APPLICATION_JSON).bearerAuth(owner), 400);
            assertEquals("/url", refused.errors().get(0).pointer());
            assertTrue(refused.detail().contains("refused") && refused.detail().contains("not a public address"),
                    refused.detail());
        }
        Problem badType = harness.problem(HttpRequest.POST(SUBSCRIPTIONS, hook("/x", "\"types\": [\"api.deleted\"]"))
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(owner), 400);
        assertEquals("/types/0", badType.errors().get(0).pointer());

        SsrfTargets.forget(SsrfTargets.REBINDING_NAME);
        String url = "http://" + SsrfTargets.REBINDING_NAME + ":" + receiver.port() + "/rebound";
        String id = subscribe(owner, "{\"url\": \"" + url + "\", \"offices\": [\"MX\"]}").path("subscriptionId")
                .asText();
        assertEquals(1, SsrfTargets.lookups(SsrfTargets.REBINDING_NAME), "checked at creation");

        register("MX", "Rebound register");
        awaitTrue(() -> !attempts(id, owner).isEmpty(), "an attempt");
        DeliveryAttemptResponse attempt = attempts(id, owner).get(0);
        assertNull(attempt.httpStatus());
        assertTrue(attempt.error().contains(SsrfTargets.REBINDING_NAME + " resolves to 10.0.0.1"), attempt.error());
        assertEquals(0, receiver.at("/rebound").size(), "nothing reached the receiver");
    }

    private JsonNode subscribe(String token, String body) {
        return CatalogHarness.json(harness.exchange(HttpRequest.POST(SUBSCRIPTIONS, body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(token), String.class).body());
    }

    private String hook(String path, String filters) {
        return "{\"url\": \"" + receiver.url(path) + "\"" + (filters.isEmpty() ? "" : ", " + filters) + "}";
    }

    private SubscriptionResponse subscription(String id, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(SUBSCRIPTIONS + "/" + id).bearerAuth(token),
                SubscriptionResponse.class);
    }

    private List<DeliveryAttemptResponse> attempts(String id, String token) {
        Page<DeliveryAttemptResponse> page = client.toBlocking().retrieve(HttpRequest.GET(SUBSCRIPTIONS + "/" + id
                + "/deliveryAttempts").bearerAuth(token), Argument.of(Page.class, DeliveryAttemptResponse.class));
        return page.items();
    }

    private String register(String office, String title) {
        return harness.exchange(harness.upload(V1.formatted(title).getBytes(), MediaType.APPLICATION_YAML,
                harness.office(office)), RegistrationResponse.class).body().api().apiId();
    }

    private void newVersion(String apiId, String spec, String office) {
        harness.exchange(harness.newVersion(apiId, spec.getBytes(), MediaType.APPLICATION_YAML, harness.office(office)),
                RegistrationResponse.class);
    }

    private List<String> types(String path) {
        return receiver.at(path).stream().map(r -> CatalogHarness.json(r.text()).path("type").asText()).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String authorityEvent(String type, String key, Instant at, String data) {
        return "{\"seq\":0,\"type\":\"" + type + "\",\"key\":\"" + key + "\",\"version\":1,\"at\":\"" + at
                + "\",\"data\":" + data + "}";
    }

    /** The timer's round, as often as needed, for at most 10 s. */
    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            pump();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("not within 10 s: " + what);
    }

    private void pump() {
        router.routeAll();
        deliverer.deliverDue();
    }

    /** The receiver's side, written from the README's recipe, not with the service's own {@code Signature}. */
    private static String expectedSignature(String secret, String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
