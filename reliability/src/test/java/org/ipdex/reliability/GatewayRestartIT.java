package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway is killed with SIGKILL while an authority file streams through it to authority-service. The client
 * gets an error, not an answer; authority-service keeps nothing of the half file (no edition left ingesting, none
 * activated, the spool file gone) and the previous edition stays active with its exact count. Once the gateway is
 * back, the same file goes through.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRestartIT {

    private static final String OFFICE = "GB";
    private static final long FIRST_RECORDS = 5_000;
    /** Well into the body and far from its end: the file is tens of megabytes. */
    private static final long KILL_AFTER_BYTES = 2L << 20;

    private FaultStack stack;
    private Client admin;
    private Client office;
    private long first;

    @BeforeAll
    void connect(FaultStack stack) throws InterruptedException {
        this.stack = stack;
        admin = Fixtures.admin(stack);
        office = Fixtures.office(stack, OFFICE);
        Client.Answer uploaded = office.send(Fixtures.upload(office, OFFICE, FIRST_RECORDS, 31, true));
        assertEquals(201, uploaded.status(), uploaded.toString());
        first = uploaded.json().at("/edition/editionId").asLong();
        Parity.awaitZero(admin);
    }

    @Test
    void aGatewayKilledMidUploadLeavesNoHalfEditionAndTheFileGoesThroughAfterwards() throws Exception {
        long records = Fixtures.number("big-edition-records", 300_000);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<Client.Answer> upload = CompletableFuture.supplyAsync(
                () -> office.send(Fixtures.upload(office, OFFICE, records, 32, true, sent)));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (sent.get() < KILL_AFTER_BYTES) {
            assertTrue(!upload.isDone(), "the upload ended before the kill: " + (upload.isDone() ? upload.get() : ""));
            assertTrue(Instant.now().isBefore(deadline), "the upload did not start");
            Thread.sleep(5);
        }
        Instant killed = Instant.now();
        assertEquals(137, stack.kill(FaultStack.Service.GATEWAY), "killed by SIGKILL");
        long sentAtKill = sent.get();
        Client.Answer cut = upload.get(1, TimeUnit.MINUTES);
        Duration toError = Duration.between(killed, Instant.now());
        assertEquals(0, cut.status(), "the client must get an error, not an answer: " + cut);
        log("gateway killed after " + (sentAtKill >> 20) + " MiB of the body; the client was told " + toError.toMillis()
                + " ms later: " + cut.failure().orElse(""));

        Instant restarting = Instant.now();
        stack.start(FaultStack.Service.GATEWAY);
        Duration restart = Duration.between(restarting, Instant.now());
        Duration settled = awaitNothingIngesting();
        for (JsonNode edition : editions()) {
            String status = edition.get("status").asText();
            long id = edition.get("editionId").asLong();
            assertTrue(id == first || status.equals("failed"), "the cut upload left edition " + edition);
        }
        assertActive(first, FIRST_RECORDS);
        awaitEmptySpool();

        Client.Answer again = office.send(Fixtures.upload(office, OFFICE, records, 32, true));
        assertEquals(201, again.status(), "the same file once the gateway is back: " + again);
        long second = again.json().at("/edition/editionId").asLong();
        assertEquals(records, again.json().at("/edition/setSize").asLong());
        assertActive(second, records);
        Duration parity = Parity.awaitZero(admin);
        log("FIGURES the client got its error " + toError.toMillis() + " ms after the kill; gateway up again in "
                + restart.toMillis() + " ms (the unavailability window: " + Duration.between(killed, restarting
                .plus(restart)).toMillis() + " ms); no edition ingesting " + settled.toMillis()
                + " ms after; the re-upload of " + records + " records took " + again.elapsed().toMillis()
                + " ms; parity zero " + parity.toMillis() + " ms later");
    }

    private List<JsonNode> editions() {
        JsonNode page = admin.ok(admin.get("/api/v1/authority/offices/" + OFFICE + "/editions?limit=200"), "editions");
        List<JsonNode> all = new ArrayList<>();
        page.get("items").forEach(all::add);
        return all;
    }

    private Duration awaitNothingIngesting() throws InterruptedException {
        Instant start = Instant.now();
        while (editions().stream().anyMatch(edition -> edition.get("status").asText().equals("ingesting"))) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(2)) < 0,
                    "an edition stays ingesting: " + editions());
            Thread.sleep(200);
        }
        return Duration.between(start, Instant.now());
    }

    /** The office's active set is {@code editionId}'s, with exactly {@code records} records. */
    private void assertActive(long editionId, long records) {
        JsonNode rows = admin.ok(admin.get("/api/v1/authority/statistics?office=" + OFFICE), "statistics").get("rows");
        long total = 0;
        for (JsonNode row : rows) {
            assertEquals(editionId, row.get("editionId").asLong(), row.toString());
            total += row.get("records").asLong();
        }
        assertEquals(records, total);
    }

    /** The cut upload's spool file is deleted: it is as large as what was sent. */
    private void awaitEmptySpool() throws InterruptedException {
        Instant start = Instant.now();
        while (!filesIn(stack.spool()).isEmpty()) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0,
                    "left in the spool: " + filesIn(stack.spool()));
            Thread.sleep(200);
        }
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String message) {
        Fixtures.log("GatewayRestartIT", message);
    }
}
