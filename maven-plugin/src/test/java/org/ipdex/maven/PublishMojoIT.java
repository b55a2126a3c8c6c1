package org.ipdex.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.ipdex.client.ClientSettings;
import org.ipdex.client.IpdexClient;
import org.ipdex.client.model.ApiKeyRequest;
import org.ipdex.client.model.GatewayOfficeRequest;
import org.ipdex.client.model.VersionSummary;
import org.ipdex.stack.TemporaryStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publish goal against the real product (every service as a process, PostgreSQL, Elasticsearch), with the
 * office's key where a Maven user keeps it: the password of a settings.xml server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishMojoIT {

    private static final String OFFICE = "AT";
    private static final String API_ID = "at-maven-legal-status";
    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Maven Legal Status
              version: 1.0.0
              description: The legal status of applications, published from an office's Maven build.
            paths:
              /legalStatuses/{applicationNumber}:
                get:
                  operationId: getLegalStatus
                  summary: The legal status of one application
                  parameters:
                    - {name: applicationNumber, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The status
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [status]
                            properties:
                              status: {type: string}
            """;
    /** The response's required field renamed (status gone): breaking for every existing client. */
    private static final String BREAKING = SPEC.replace("version: 1.0.0", "version: 2.0.0")
            .replace("required: [status]", "required: [reason]").replace("status: {type: string}", "reason: {type: string}");

    @TempDir
    Path dir;

    private TemporaryStack stack;
    private IpdexClient anonymous;
    private String officeKey;

    @BeforeAll
    void start() throws Exception {
        stack = TemporaryStack.start();
        anonymous = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()));
        IpdexClient admin = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()).withApiKey(stack.adminKey()));
        admin.admin().createOffice(new GatewayOfficeRequest().code(OFFICE).name("Österreichisches Patentamt")
                .country("AT").contactEmail("info@patentamt.at"));
        officeKey = admin.admin().createApiKey(new ApiKeyRequest().name("maven plugin test").role("office")
                .officeCode(OFFICE)).getApiKey();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void publishesOnceThenFindsTheSameSpecIdenticalAndRefusesABreakingOneTheDiffGoalSeesToo() throws Exception {
        Path spec = Files.writeString(dir.resolve("legal-status.yaml"), SPEC);

        mojo(spec).execute();
        JsonNode first = report();
        assertEquals("1", first.get("version").asText(), first.toString());
        assertFalse(first.get("identical").asBoolean(), first.toString());
        assertTrue(first.get("st90Score").asDouble() > 0, first.toString());

        mojo(spec).execute();
        JsonNode second = report();
        assertEquals("1", second.get("version").asText(), second.toString());
        assertTrue(second.get("identical").asBoolean(), "the same bytes again store nothing: " + second);

        Files.writeString(spec, BREAKING);
        // the diff goal with the published version as its baseline sees the same change
        DiffMojo diff = new DiffMojo();
        diff.spec = spec.toFile();
        diff.api = API_ID;
        diff.server = stack.gatewayUrl();
        diff.failOn = "breaking";
        diff.format = "text";
        diff.outputDirectory = dir.resolve("target/ipdex").toFile();
        MojoFailureException breaking = assertThrows(MojoFailureException.class, diff::execute);
        assertTrue(breaking.getMessage().contains("against " + dir.resolve("target/ipdex/baseline-" + API_ID + "-v1")),
                breaking.getMessage());
        assertTrue(breaking.getMessage().contains("BREAKING") && breaking.getMessage().contains("status"),
                breaking.getMessage());
        assertTrue(Files.readString(dir.resolve("target/ipdex/diff.txt")).contains("verdict BREAKING"));

        MojoFailureException refused = assertThrows(MojoFailureException.class, () -> mojo(spec).execute());
        assertTrue(refused.getMessage().contains(API_ID + " NOT published: version 2 would have"), refused.getMessage());
        assertTrue(refused.getMessage().contains("BREAKING") && refused.getMessage().contains("status"),
                refused.getMessage());
        assertEquals(List.of(1), anonymous.catalog().listVersions(API_ID).stream().map(VersionSummary::getNumber)
                .toList(), "nothing was stored");

        PublishMojo anyway = mojo(spec);
        anyway.failOn = "none";
        anyway.execute();
        JsonNode third = report();
        assertEquals("2", third.get("version").asText(), third.toString());
        assertTrue(third.get("breakingChanges").size() > 0, third.toString());
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsTheBuildNamingTheKeysPlace() throws Exception {
        Path spec = Files.writeString(dir.resolve("other.yaml"), SPEC);
        PublishMojo mojo = mojo(spec);
        mojo.settings = ApiKeysTest.settings("ipdex_not_a_key");
        MojoFailureException refused = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(refused.getMessage().contains("refused the key (<server> 'ipdex' in settings.xml)"),
                refused.getMessage());
    }

    private PublishMojo mojo(Path spec) {
        PublishMojo mojo = new PublishMojo(new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), dir.resolve("no-security.xml").toString())));
        mojo.spec = spec.toFile();
        mojo.api = API_ID;
        mojo.server = stack.gatewayUrl();
        mojo.serverId = "ipdex";
        mojo.failOn = "breaking";
        mojo.outputDirectory = dir.resolve("target/ipdex").toFile();
        mojo.settings = ApiKeysTest.settings(officeKey);
        return mojo;
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("target/ipdex/publish.json").toFile());
    }
}
