package org.ipdex.catalog.spec;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.catalog.support.StubServer;
import org.ipdex.common.problem.Problem;
import org.ipdex.common.problem.ProblemError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad upload the issue lists: each is refused with a problem document that says where, quickly, and
 * leaves every table as it was. The spec size limit is lowered to 2 MB here so the big inputs stay small.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends CatalogTest {

    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: Hostile, version: "1"}
            """;

    StubServer stub;
    Map<String, Long> before;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.catalog.max-spec-size", "2MB");
    }

    @BeforeAll
    void start() {
        stub = new StubServer().answer("/spec.yaml", StubServer.Answer.ok("application/yaml",
                (HEAD + "paths: {}\n").getBytes()));
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @BeforeEach
    void counts() {
        before = harness.rowCounts();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(before, harness.rowCounts(), "a refused upload changes nothing");
        assertEquals(0, stub.requests(), "no refused URL was ever requested");
    }

    @Test
    void malformedYamlIsRefusedWithLineAndColumn() {
        Problem problem = yaml(HEAD + "paths:\n\t/items: {}\n", 400);
        ProblemError error = problem.errors().get(0);
        assertEquals(4L, error.line(), problem.toString());
        assertEquals(1, error.column());
        assertTrue(problem.detail().contains("line 4, column 1"), problem.detail());
    }

    @Test
    void malformedJsonIsRefusedWithLineAndColumn() {
        Problem problem = harness.problem(harness.upload("""
                {"openapi": "3.0.3",
                 "info": {"title": "x" "version": "1"},
                 "paths": {}}""".getBytes(), MediaType.APPLICATION_JSON, harness.office("EP")), 400);
        assertEquals(2L, problem.errors().get(0).line(), problem.toString());
        assertEquals(24, problem.errors().get(0).column(), problem.toString());
    }

    @Test
    void notAnOpenApiDocumentNamesWhatIsMissing() {
        Problem problem = yaml("title: a shopping list\nitems: [milk, bread]\n", 400);
        assertTrue(problem.detail().startsWith("Not an OpenAPI or Swagger document"), problem.detail());
        assertEquals(java.util.List.of("/openapi", "/info", "/paths"),
                problem.errors().stream().map(ProblemError::pointer).toList());

        Problem noTitle = yaml("openapi: 3.0.3\ninfo: {version: '1'}\npaths: {}\n", 400);
        assertEquals("/info/title", noTitle.errors().get(0).pointer());
    }

    @Test
    void externalReferencesInOneDocumentAreRefusedWithTheirPointerAndNeverFollowed() throws IOException {
        Path secret = Files.createTempFile("ipdex-secret", ".yaml");
        Files.writeString(secret, "Secret: {type: string}\n");
        for (String ref : new String[]{secret.toUri().toString() + "#/Secret", "http://10.0.0.1/schemas.yaml#/X",
                stub.url("/spec.yaml") + "#/X", "../outside.yaml#/X", "jar:file:/app.jar!/x.yaml#/X"}) {
            Problem problem = yaml(HEAD + """
                    paths:
                      /items:
                        get:
                          responses:
                            '200':
                              description: ok
                              content:
                                application/json:
                                  schema: {$ref: '%s'}
                    """.formatted(ref), 400);
            assertEquals("/paths/~1items/get/responses/200/content/application~1json/schema/$ref",
                    problem.errors().get(0).pointer(), ref);
            assertTrue(problem.errors().get(0).message().contains(ref), problem.errors().get(0).message());
        }
    }

    @Test
    void aLocalReferenceToNothingIsRefused() {
        Problem problem = yaml(HEAD + "paths:\n  /a:\n    $ref: '#/components/pathItems/missing'\n", 400);
        assertEquals("/paths/~1a/$ref", problem.errors().get(0).pointer());
    }

    @Test
    void aBundleReferenceOutsideTheBundleOrWithASchemeIsRefusedWithFileAndPointer() {
        for (String ref : new String[]{"../outside.yaml#/X", "sub/../../outside.yaml#/X", "/etc/passwd",
                "file:///etc/passwd", "http://10.0.0.1/x.yaml", stub.url("/spec.yaml"), "missing.yaml#/X"}) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("openapi.yaml", (HEAD + "paths:\n  /a:\n    $ref: '" + ref + "'\n").getBytes());
            files.put("common.yaml", "X: {}\n".getBytes());
            Problem problem = harness.problem(harness.upload(CatalogHarness.zip(files), "application/zip",
                    harness.office("EP")), 400);
            assertEquals("openapi.yaml#/paths/~1a/$ref", problem.errors().get(0).pointer(), ref);
        }
    }

    @Test
    void aYamlAliasBombIsRefusedQuickly() {
        StringBuilder wide = new StringBuilder(HEAD + "paths: {}\nx-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String alias = "*a" + (level - 1);
            wide.append("x-").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, alias))).append("]\n");
        }
        long started = System.nanoTime();
        Problem tooMany = yaml(wide.toString(), 400);
        assertTrue(tooMany.detail().contains("aliases"), tooMany.detail());

        // under the alias count (46), but 2^24 nodes once expanded
        StringBuilder deep = new StringBuilder(HEAD + "paths: {}\nx-0: &a0 [lol, lol]\n");
        for (int level = 1; level < 24; level++) {
            deep.append("x-").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }
        Problem expanding = yaml(deep.toString(), 400);
        assertTrue(expanding.detail().contains("expand"), expanding.detail());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "refused in well under five seconds");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String json = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"paths\":{},\"x-deep\":"
                + "[".repeat(150) + "]".repeat(150) + "}";
        Problem deepJson = harness.problem(harness.upload(json.getBytes(), MediaType.APPLICATION_JSON,
                harness.office("EP")), 400);
        assertTrue(deepJson.detail().contains("nesting deeper than 100"), deepJson.detail());
        assertEquals(1L, deepJson.errors().get(0).line());

        Problem deepYaml = yaml(HEAD + "paths: {}\nx-deep: " + "[".repeat(150) + "]".repeat(150) + "\n", 400);
        assertTrue(deepYaml.detail().toLowerCase().contains("nesting"), deepYaml.detail());
    }

    @Test
    void aSpecLargerThanTheLimitIsRefusedWith413() {
        byte[] big = (HEAD + "paths: {}\nx-padding: '" + "x".repeat(3 * 1024 * 1024) + "'\n").getBytes();
        Problem problem = harness.problem(harness.upload(big, MediaType.APPLICATION_YAML, harness.office("EP")), 413);
        assertTrue(problem.detail().contains("limit"), problem.detail());
    }

    @Test
    void aZipBombStopsAtTheLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("openapi.yaml"));
            zip.write((HEAD + "paths: {}\n").getBytes());
            zip.putNextEntry(new ZipEntry("zeros.yaml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros); // 200 MB inflated, about 200 KB on the wire
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < 1024 * 1024, "the bomb is small on the wire: " + out.size());
        Problem problem = harness.problem(harness.upload(out.toByteArray(), "application/zip",
                harness.office("EP")), 413);
        assertTrue(problem.detail().contains("inflates"), problem.detail());
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 1001; i++) {
            files.put("f" + i + ".txt", new byte[0]);
        }
        harness.problem(harness.upload(CatalogHarness.zip(files), "application/zip", harness.office("EP")), 413);
    }

    @Test
    void zipPathTraversalIsRefused() {
        for (String name : new String[]{"../../etc/evil.yaml", "/etc/evil.yaml", "a/../../evil.yaml",
                "..\\..\\evil.yaml", "C:/evil.yaml"}) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("openapi.yaml", (HEAD + "paths: {}\n").getBytes());
            files.put(name, "X: {}\n".getBytes());
            Problem problem = harness.problem(harness.upload(CatalogHarness.zip(files), "application/zip",
                    harness.office("EP")), 400);
            assertEquals(name, problem.errors().get(0).pointer(), problem.detail());
        }
    }

    @Test
    void sourceUrlsOnPrivateLoopbackOrLinkLocalAddressesAreRefused() {
        for (String url : new String[]{stub.url("/spec.yaml"), "http://localhost:" + stub.port() + "/spec.yaml",
                "http://10.0.0.1/spec.yaml", "http://192.168.1.1/spec.yaml", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:" + stub.port() + "/spec.yaml", "http://0.0.0.0:" + stub.port() + "/",
                "http://2130706433:" + stub.port() + "/", "http://100.64.0.1/", "http://224.0.0.1/",
                "file:///etc/passwd", "ftp://example.org/spec.yaml"}) {
            Problem problem = harness.problem(harness.upload(("{\"sourceUrl\": \"" + url + "\"}").getBytes(),
                    MediaType.APPLICATION_JSON, harness.office("EP")), 400);
            assertEquals("sourceUrl", problem.errors().get(0).parameter(), url);
            assertTrue(problem.detail().contains("refused"), url + ": " + problem.detail());
        }
    }

    @Test
    void aPublicTokenCannotUploadAtAll() {
        harness.problem(HttpRequest.POST(CatalogHarness.APIS, (HEAD + "paths: {}\n").getBytes())
                .contentType(MediaType.APPLICATION_YAML).bearerAuth(harness.anonymous()), 401);
    }

    private Problem yaml(String text, int status) {
        return harness.problem(harness.upload(text.getBytes(), MediaType.APPLICATION_YAML, harness.office("EP")),
                status);
    }
}
