package org.ipdex.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build-time document: the services' files merged with the gateway's own part, by the runtime's rules. */
class BuildTimeDocumentTest {

    private static final String CATALOG = """
            openapi: 3.0.1
            info: {title: ipdex catalog, version: "1"}
            paths:
              /api/v1/catalog/apis:
                get:
                  tags: [catalog]
                  operationId: listApis
                  responses: {"200": {description: a page}}
              /internal/v1/changes:
                get:
                  operationId: changes
                  responses: {"200": {description: the feed}}
            """;

    private static final String SEARCH = """
            openapi: 3.0.1
            info: {title: ipdex search, version: "1"}
            paths:
              /api/v1/search/apis:
                get:
                  tags: [search]
                  operationId: searchApis
                  responses: {"200": {description: hits}}
              /api/v1/catalog/apis:
                get:
                  operationId: notRoutedHere
                  responses: {"200": {description: never public from search}}
            """;

    @TempDir
    Path dir;

    @Test
    void theServicesPublicPathsAndTheGatewaysOwnAreMergedAsAtRunTime() throws Exception {
        Path out = dir.resolve("out/public-api.json");
        BuildTimeDocument.main(new String[]{out.toString(), "search=" + write("search.yml", SEARCH),
                "catalog=" + write("catalog.yml", CATALOG)});

        JsonNode document = new ObjectMapper().readTree(out.toFile());
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.containsAll(List.of("/api/v1/catalog/apis", "/api/v1/search/apis", "/api/v1/admin/apiKeys")),
                paths.toString());
        assertFalse(paths.contains("/internal/v1/changes"), "internal paths stay internal");
        assertEquals("listApis", document.at("/paths/~1api~1v1~1catalog~1apis/get/operationId").asText(),
                "a path is public only from the service the gateway routes it to");
        assertEquals("/", document.at("/servers/0/url").asText());
        assertFalse(document.at("/info/description").asText().contains("Incomplete"));
    }

    @Test
    void aSourceThatCannotBeReadFailsTheBuild() throws Exception {
        Path out = dir.resolve("public-api.json");
        assertThrows(NoSuchFileException.class, () -> BuildTimeDocument.main(new String[]{out.toString(),
                "catalog=" + dir.resolve("missing.yml")}));
        assertThrows(IllegalStateException.class, () -> BuildTimeDocument.main(new String[]{out.toString(),
                "catalog=" + write("broken.yml", "just: [text")}));
        assertFalse(Files.exists(out));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
