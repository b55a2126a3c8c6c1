package org.ipdex.authority.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.ipdex.stack.TcpProxy;
import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL goes away in the middle of an ingest, for longer than the pool waits for a connection, and comes back;
 * the service is not restarted. The job fails, and so does writing down that it failed: the edition used to stay
 * {@code ingesting} until the next start of the service, refusing the same file as "being read" meanwhile
 * (reliability/…/PostgresRestartIT found it). Now recovery marks it failed once the database answers again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAwayTest extends AuthorityTest {

    private static final LocalDate PRODUCED_ON = LocalDate.of(2025, 6, 30);
    private TcpProxy database;

    @Override
    protected void configure(Map<String, String> properties) {
        URI url = URI.create(properties.get("datasources.default.url").substring("jdbc:".length()));
        database = TcpProxy.to(url.getHost(), url.getPort());
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + database.port() + url.getPath());
        // a pool that gives up on the database quickly, so that the job's own failure handling meets it away
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("datasources.default.validation-timeout", "500");
    }

    @AfterAll
    void closeProxy() {
        database.close();
    }

    @Test
    void anIngestTheDatabaseWentAwayUnderEndsFailedOnceItIsBack() throws Exception {
        Path file = Files.createTempFile("ipdex-away", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            AuthorityFileWriter.write(Layout.EPO_CSV, "EP", PRODUCED_ON, "full",
                    new RecordGenerator("EP", 2_000_000, 5, PRODUCED_ON), out);
        }
        AuthorityApi.Answer accepted = api.upload("EP", "layout=epo-csv&wait=false", file);
        Files.delete(file);
        assertEquals(202, accepted.status(), accepted.body());
        long editionId = accepted.editionId();
        awaitReading(editionId);

        database.cut();
        // longer than the pool's connection timeout: the job's failure handling finds no database either
        Thread.sleep(4_000);
        database.open();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "ingesting";
        while (status.equals("ingesting") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            AuthorityApi.Answer edition = api.get("/api/v1/authority/editions/" + editionId);
            if (edition.status() == 200) {
                status = edition.node().get("status").getStringValue();
            }
        }
        assertEquals("failed", status, "the edition the database went away under");
        AuthorityApi.Answer again = api.upload("EP", "layout=epo-csv&wait=true",
                "country;doc-number;kind;date;exception-code\nEP;1000000;A1;20000105;\n".getBytes());
        assertEquals(201, again.status(), "the service ingests again without a restart: " + again.body());
    }

    private void awaitReading(long editionId) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            AuthorityApi.Answer edition = api.get("/api/v1/authority/editions/" + editionId);
            assertEquals(200, edition.status(), edition.body());
            var node = edition.node();
            if (!node.get("status").getStringValue().equals("ingesting")) {
                fail("The ingest ended before the database could go away: " + edition.body());
            }
            if (node.get("progress") != null && node.get("progress").get("rowsDone") != null
                    && node.get("progress").get("rowsDone").getLongValue() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        fail("Edition " + editionId + " was never seen reading");
    }
}
