package org.ipdex.authority.ingest;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.ipdex.authority.record.PoolConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad file the issue lists, against the real service and PostgreSQL: each gets a clear problem or
 * report line, nothing half-applied, and the office's active set stays what it was.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends AuthorityTest {

    private static final String SECRET = "s3cret-" + System.nanoTime();

    @Inject
    PoolConnections connections;

    HttpServer trap;
    final AtomicInteger trapRequests = new AtomicInteger();
    Path secretFile;

    @Override
    protected void configure(Map<String, String> properties) {
        // bodies buffered in memory are held to 1 MB here: uploads must stream past it
        properties.put("micronaut.server.max-request-buffer-size", "1048576");
    }

    @BeforeAll
    void setUp() throws IOException {
        trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", exchange -> {
            trapRequests.incrementAndGet();
            byte[] body = "<!ENTITY leak \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        trap.start();
        secretFile = Files.createTempFile("ipdex-secret", ".txt");
        Files.writeString(secretFile, SECRET);
        // the office's active set that every rejected file must leave alone
        AuthorityApi.Answer base = api.upload("EP", "layout=st37-xml&wait=true", resource("ep-v2.xml"));
        assertEquals(201, base.status(), base.body());
    }

    @AfterAll
    void tearDown() throws IOException {
        trap.stop(0);
        Files.deleteIfExists(secretFile);
    }

    @Test
    void externalEntitiesAndDtdsAreNeverFetched() throws Exception {
        String trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort();
        String fileEntity = xmlWith("<!DOCTYPE authority-file [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>",
                "&xxe;");
        String httpEntity = xmlWith("<!DOCTYPE authority-file [<!ENTITY xxe SYSTEM \"" + trapUrl + "/secret\">]>", "&xxe;");
        String parameterEntity = xmlWith("<!DOCTYPE authority-file [<!ENTITY % remote SYSTEM \"" + trapUrl
                + "/evil.dtd\"> %remote;]>", "&leak;");
        for (String xml : new String[] {fileEntity, httpEntity, parameterEntity}) {
            AuthorityApi.Answer answer = api.upload("EP", "layout=st37-xml&wait=true", xml.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, answer.status(), answer.body());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            assertFalse(answer.body().contains(SECRET), answer.body());
            assertFalse(answer.body().contains("leaked"), answer.body());
        }
        // a plain file naming a remote DTD, as real files name theirs: accepted, and the DTD is not fetched
        String remoteDtd = xmlWith("<!DOCTYPE authority-file SYSTEM \"" + trapUrl + "/ST37AuthorityFile_V2-2.dtd\">", "");
        AuthorityApi.Answer accepted = api.upload("EP", "layout=st37-xml&wait=true",
                remoteDtd.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(0, trapRequests.get(), "no request reached the trap server");
        assertEquals(0, count("SELECT count(*) FROM authority_record WHERE doc_number LIKE '%" + SECRET
                + "%' OR exception_code LIKE '%" + SECRET + "%'"));
        assertEquals(0, count("SELECT count(*) FROM edition WHERE report::text LIKE '%" + SECRET + "%'"));
        // put the office's set back for the other tests
        api.upload("EP", "layout=st37-xml&wait=true", resource("ep-v2.xml").clone());
    }

    @Test
    void entityExpansionBombsAreRefusedAtOnce() {
        long started = System.nanoTime();
        AuthorityApi.Answer answer = api.upload("EP", "layout=st37-xml&wait=true", resource("billion-laughs.xml"));
        assertEquals(400, answer.status(), answer.body());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000, "refused quickly");
        assertActiveSetUntouched();
    }

    @Test
    void gzipAndZipBombsAreRefusedWithBoundedWork() throws IOException {
        // a megabyte of one short line, over and over: compresses about a thousand times (a line of zeros would be
        // refused earlier, as a line too long)
        byte[] zeros = "EP;1000000;A1;20000105;\n".repeat((1 << 20) / 24).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        AuthorityApi.Answer gz = api.upload("EP", "layout=epo-csv&wait=true", gzip.toByteArray());
        assertEquals(413, gz.status(), gz.body());
        assertTrue(gz.body().contains("compression bomb"), gz.body());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("EP_AF_20240701.csv"));
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        AuthorityApi.Answer zipped = api.upload("EP", "layout=epo-csv&wait=true", zip.toByteArray());
        assertEquals(413, zipped.status(), zipped.body());
        assertActiveSetUntouched();
    }

    @Test
    void zipEntriesThatEscapeTheArchiveAreRefused() throws IOException {
        AuthorityApi.Answer answer = api.upload("EP", "layout=epo-csv&wait=true",
                zip(Map.of("../../etc/cron.d/ep.csv", resource("ep.csv"))));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("outside the archive"), answer.body());
    }

    @Test
    void aZipWithTheFileBesideItsDtdIsRead() throws IOException {
        AuthorityApi.Answer answer = api.upload("NL", "layout=epo-csv&wait=true", zip(Map.of(
                "ST37AuthorityFile_V2-2.dtd", "<!ELEMENT authority-file ANY>".getBytes(StandardCharsets.UTF_8),
                "NL_AF_20240701.csv", new String(resource("ep.csv")).replace("EP;", "NL;").getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, answer.status(), answer.body());
        assertEquals(5, answer.node().get("edition").get("setSize").getLongValue());
    }

    @Test
    void emptyTruncatedAndCutOffFilesAreRejectedWithWhere() throws IOException {
        AuthorityApi.Answer empty = api.upload("EP", "layout=epo-csv&wait=true", new byte[0]);
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("empty"), empty.body());

        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            for (int i = 0; i < 2000; i++) {
                out.write(("EP;" + (3000000 + i) + ";A1;20100101;\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] truncated = Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);
        AuthorityApi.Answer cut = api.upload("EP", "layout=epo-csv&wait=true", truncated);
        assertEquals(400, cut.status(), cut.body());
        assertTrue(cut.body().contains("truncated"), cut.body());

        AuthorityApi.Answer cutXml = api.upload("EP", "layout=st37-xml&wait=true", resource("ep-cut.xml"));
        assertEquals(400, cutXml.status(), cutXml.body());
        assertEquals(4, cutXml.node().get("errors").get(0).get("line").getLongValue(), cutXml.body());

        AuthorityApi.Answer broken = api.upload("EP", "layout=st37-xml&wait=true", resource("ep-not-wellformed.xml"));
        assertEquals(400, broken.status(), broken.body());
        assertEquals(4, broken.node().get("errors").get(0).get("line").getLongValue(), broken.body());

        AuthorityApi.Answer root = api.upload("EP", "layout=st37-xml&wait=true", resource("wrong-root.xml"));
        assertEquals(400, root.status(), root.body());
        assertTrue(root.body().contains("patent-document-list"), root.body());
        assertActiveSetUntouched();
    }

    @Test
    void textThatIsNotUtf8IsRejectedWithItsLine() {
        byte[] latin1 = "country;doc-number;kind;date;exception-code\nEP;5000000;A1;20000105;\nEP;5000001;A1;20000105;\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        AuthorityApi.Answer answer = api.upload("EP", "layout=epo-csv&wait=true", latin1);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("UTF-8"), answer.body());
        assertEquals(3, answer.node().get("errors").get(0).get("line").getLongValue(), answer.body());

        byte[] utf16 = "EP;5000000;A1;20000105;\n".getBytes(StandardCharsets.UTF_16);
        AuthorityApi.Answer wide = api.upload("EP", "layout=epo-csv&wait=true", utf16);
        assertEquals(400, wide.status(), wide.body());
        assertTrue(wide.body().contains("UTF-16"), wide.body());
    }

    @Test
    void anOfficeMayNotUploadAnotherOfficesFile() {
        AuthorityApi.Answer xml = api.upload("EP", "layout=st37-xml&wait=true",
                new String(resource("ep-v2.xml")).replace("country=\"EP\"", "country=\"US\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(403, xml.status(), xml.body());
        AuthorityApi.Answer tsv = api.upload("EP", "layout=uspto-tsv&wait=true", resource("us.tsv"));
        assertEquals(403, tsv.status(), tsv.body());
        AuthorityApi.Answer otherPath = api.upload("US", "layout=uspto-tsv&wait=true",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(resource("us.tsv")), api.officeToken("EP"));
        assertEquals(403, otherPath.status(), otherPath.body());
        assertActiveSetUntouched();
    }

    @Test
    void aFileLargerThanTheRequestBufferStreamsThrough() throws IOException {
        Path file = Files.createTempFile("ipdex-large", ".tsv");
        try (var out = Files.newOutputStream(file)) {
            org.ipdex.testdata.AuthorityFileWriter.write(org.ipdex.testdata.Layout.USPTO_TSV, "US",
                    java.time.LocalDate.of(2025, 1, 1), "full",
                    new org.ipdex.testdata.RecordGenerator("US", 120_000, 9, java.time.LocalDate.of(2025, 1, 1)), out);
        }
        assertTrue(Files.size(file) > 4 * 1048576, "bigger than the 1 MB buffer limit: " + Files.size(file));
        AuthorityApi.Answer answer = api.upload("US", "layout=uspto-tsv&wait=true", file);
        Files.delete(file);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(120_000, answer.node().get("edition").get("setSize").getLongValue());
    }

    private void assertActiveSetUntouched() {
        assertEquals(5, count("SELECT count(*) FROM active_record WHERE office = 'EP'"));
    }

    private long count(String sql) {
        try (Connection connection = connections.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xmlWith(String doctype, String exceptionText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n<authority-file country=\"EP\" date-produced=\"20240701\">\n"
                + "<authority-file-entry><publication-reference><document-id><country>EP</country><doc-number>4000000</doc-number>"
                + "<kind>A1</kind><date>20100105</date></document-id></publication-reference>"
                + (exceptionText.isEmpty() ? "" : "<exception-code>" + exceptionText + "</exception-code>")
                + "</authority-file-entry>\n</authority-file>\n";
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
