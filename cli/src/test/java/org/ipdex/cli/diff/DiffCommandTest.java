package org.ipdex.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffCommandTest {

    private static final String V1 = """
            openapi: 3.0.3
            info: {title: Publications, version: 1.0.0}
            paths:
              /publications:
                get:
                  operationId: listPublications
                  parameters:
                    - {name: office, in: query, schema: {type: string}}
                  responses:
                    '200': {description: ok}
              /publications/{number}:
                get:
                  operationId: getPublication
                  parameters:
                    - {name: number, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok}
            """;

    /** getPublication removed (breaking), office made required (breaking), a new operation (not breaking). */
    private static final String V2 = """
            openapi: 3.0.3
            info: {title: Publications, version: 2.0.0}
            paths:
              /publications:
                get:
                  operationId: listPublications
                  parameters:
                    - {name: office, in: query, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok}
              /offices:
                get:
                  operationId: listOffices
                  responses:
                    '200': {description: ok}
            """;

    @TempDir
    Path dir;

    @Test
    void failOnBreakingFailsOnlyWhenThereIsABreakingChange() throws IOException {
        Path v1 = Files.writeString(dir.resolve("v1.yaml"), V1);
        Path v2 = Files.writeString(dir.resolve("v2.yaml"), V2);
        Cli.Run breaking = Cli.run("diff", "--fail-on", "breaking", v1.toString(), v2.toString());
        assertEquals(ExitCodes.FINDINGS, breaking.code(), breaking.err());
        assertTrue(breaking.out().contains("verdict BREAKING: 2 breaking"), breaking.out());
        assertEquals(ExitCodes.OK, Cli.run("diff", v1.toString(), v2.toString()).code());
        assertEquals(ExitCodes.OK, Cli.run("diff", "--fail-on", "breaking", v1.toString(), v1.toString()).code());
        Cli.Run backwards = Cli.run("diff", "--fail-on", "breaking", v2.toString(), v1.toString());
        assertEquals(ExitCodes.FINDINGS, backwards.code(), "listOffices is removed going back");
    }

    @Test
    void jsonAndMarkdownCarryTheSameVerdict() throws IOException {
        Path v1 = Files.writeString(dir.resolve("v1.yaml"), V1);
        Path v2 = Files.writeString(dir.resolve("v2.yaml"), V2);
        JsonNode json = new ObjectMapper().readTree(Cli.run("diff", "--format", "json", v1.toString(), v2.toString()).out());
        assertEquals("BREAKING", json.get("verdict").asText());
        assertEquals(2, json.get("breaking").asInt());
        assertTrue(json.get("changes").findValuesAsText("kind").contains("path.removed"), json.toString());
        String markdown = Cli.run("diff", "--format", "markdown", v1.toString(), v2.toString()).out();
        assertTrue(markdown.startsWith("# Changes from v1.yaml to v2.yaml"), markdown);
        assertTrue(markdown.contains("## Breaking changes"), markdown);
    }

    @Test
    void anUnreadableSideIsOneLineAndExit3() throws IOException {
        Path v1 = Files.writeString(dir.resolve("v1.yaml"), V1);
        Cli.run("diff", v1.toString(), dir.resolve("missing.yaml").toString()).assertOneLineError(ExitCodes.INPUT);
    }
}
