package org.ipdex.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LintCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small spec with known MUST and SHOULD violations, on known lines. */
    static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Publications
              version: 1.0.0
            servers:
              - url: http://example.org/v1
            paths:
              /getPublications/:
                get:
                  responses:
                    '200':
                      description: ok
            """;

    @TempDir
    Path dir;

    @Test
    void sarifPlacesEveryFindingOnTheLinterLine() throws IOException {
        Path spec = write("pubs.yaml", SPEC);
        Cli.Run run = Cli.run("lint", "--format", "sarif", "--fail-on", "none", spec.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        JsonNode sarif = JSON.readTree(run.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode runNode = sarif.get("runs").get(0);
        JsonNode rules = runNode.get("tool").get("driver").get("rules");
        List<Violation> expected = new SpecLinter().lint(spec, Optional.empty()).report().violations();
        JsonNode results = runNode.get("results");
        assertFalse(expected.isEmpty());
        assertEquals(expected.size(), results.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode result = results.get(i);
            Violation violation = expected.get(i);
            assertEquals(violation.ruleId(), result.get("ruleId").asText());
            assertEquals(violation.ruleId(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertEquals(violation.line() == null ? 1 : violation.line().intValue(), physical.get("region").get("startLine").asInt(), violation.toString());
            assertTrue(physical.get("artifactLocation").get("uri").asText().endsWith("pubs.yaml"));
            assertTrue(rules.get(result.get("ruleIndex").asInt()).get("helpUri").asText().startsWith("https://"));
        }
        // the trailing slash is on line 8 of the file as written; its rule is a MUST, so SARIF says error
        JsonNode slash = find(results, "st90.uri.no-trailing-slash");
        assertEquals(8, slash.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertEquals("error", slash.get("level").asText());
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        Path spec = write("pubs.yaml", SPEC);
        assertEquals(ExitCodes.FINDINGS, Cli.run("lint", spec.toString()).code());
        assertEquals(ExitCodes.OK, Cli.run("lint", "--fail-on", "none", spec.toString()).code());
        Cli.Run text = Cli.run("lint", "--fail-on", "warning", spec.toString());
        assertEquals(ExitCodes.FINDINGS, text.code());
        assertTrue(text.out().contains(spec + ":8: MUST   st90.uri.no-trailing-slash"), text.out());
        assertTrue(text.out().contains("ST.90 score"), text.out());
    }

    @Test
    void jsonIsTheServiceReport() throws IOException {
        Path spec = write("pubs.yaml", SPEC);
        Cli.Run run = Cli.run("lint", "--format", "json", "--fail-on", "none", spec.toString());
        JsonNode report = JSON.readTree(run.out()).get(0).get("report");
        assertTrue(report.get("score").asInt() < 100);
        assertEquals(new SpecLinter().lint(spec, Optional.empty()).report().violations().size(),
                report.get("violations").size());
    }

    @Test
    void lintsTheCorpusOfficeSpecsAndTheUsptoBundleFolder() {
        Path corpus = Cli.corpus();
        assumeTrue(Files.isDirectory(corpus), "the shared corpus is beside the checkout");
        Path swagger2 = corpus.resolve("epo-ops/ops-swagger2.yaml");
        Path uspto = corpus.resolve("uspto-odp");
        Cli.Run run = Cli.run("lint", "--fail-on", "none", swagger2.toString(),
                corpus.resolve("dpma-connect-plus/openapi.yaml").toString(), uspto.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(3, run.out().lines().filter(line -> line.contains("ST.90 score")).count(), run.out());
        LintedSpec bundle = new SpecLinter().lint(uspto, Optional.empty());
        assertEquals("swagger.yaml", bundle.linesFile().getFileName().toString());
    }

    @Test
    void aMissingFileIsOneLineAndExit3() {
        Cli.Run run = Cli.run("lint", dir.resolve("nothing.yaml").toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("nothing.yaml: no such file"), run.err());
    }

    @Test
    void aTwoGigabyteFileIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(2L << 30); // sparse: no disk used, but 2 GB to anyone who reads it
        }
        Cli.Run run = Cli.run("lint", huge.toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("2.0 GB is more than a spec may be"), run.err());
    }

    @Test
    void notASpecIsOneLineWithItsPlace() throws IOException {
        Cli.Run notOpenApi = Cli.run("lint", write("config.yaml", "server:\n  port: 8080\n").toString());
        notOpenApi.assertOneLineError(ExitCodes.INPUT);
        Cli.Run broken = Cli.run("lint", write("broken.yaml", "openapi: 3.0.3\ninfo: [unclosed\n").toString());
        broken.assertOneLineError(ExitCodes.INPUT);
        assertTrue(broken.err().matches("(?s)ipdex: .*broken\\.yaml:\\d+.*"), broken.err());
    }

    @Test
    void aFolderIsLintedAsABundleWithLinesInItsMainFile() throws IOException {
        Files.createDirectories(dir.resolve("api/schemas"));
        // the response's schema lives in another file of the folder, as in the USPTO bundle
        Files.writeString(dir.resolve("api/openapi.yaml"), SPEC.replace("description: ok", "description: ok\n"
                + "          content:\n            application/json:\n              schema:\n"
                + "                $ref: './schemas/page.yaml'"));
        Files.writeString(dir.resolve("api/schemas/page.yaml"), "type: object\nproperties:\n  total:\n    type: integer\n");
        LintedSpec linted = new SpecLinter().lint(dir.resolve("api"), Optional.empty());
        assertEquals(dir.resolve("api/openapi.yaml"), linted.linesFile());
        assertTrue(linted.report().violations().stream().anyMatch(v -> v.ruleId().equals("st90.uri.no-trailing-slash")));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
