package org.ipdex.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.ipdex.client.ClientSettings;
import org.ipdex.client.IpdexClient;
import org.ipdex.client.api.AuthorityApi;
import org.ipdex.client.model.ApiKeyRequest;
import org.ipdex.client.model.EditionResponse;
import org.ipdex.client.model.GatewayOfficeRequest;
import org.ipdex.client.model.StatisticsResponseRow;
import org.ipdex.client.model.VersionSummary;
import org.ipdex.stack.TemporaryStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server commands against the real product (every service as a process, PostgreSQL, Elasticsearch): exit codes,
 * what they print, and what the server holds afterwards. The gateway's upload limit is 1 GB here (failsafe's
 * environment, inherited by the launched services), so that a 2 GB sparse file meets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a command that waits for an answer that never comes fails its test instead of holding the build
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ServerCommandsIT {

    private static final String OFFICE = "DK";
    /** An office whose authority file the coverage check reads, uploaded once before the tests. */
    private static final String COVERAGE_OFFICE = "FI";
    private static final String SPEC = resource("legal-status.yaml");
    /** The required response field renamed (status gone): breaking for every client. */
    private static final String BREAKING = SPEC.replace("version: 1.0.0", "version: 2.0.0")
            .replace("required: [status]", "required: [reason]").replace("status: {type: string}", "reason: {type: string}");

    private TemporaryStack stack;
    private IpdexClient admin;
    private String officeKey;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("ipdex-cli-it-");
        stack = TemporaryStack.start();
        admin = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()).withApiKey(stack.adminKey())
                .withTimeout(Duration.ofMinutes(2)));
        for (String office : List.of(OFFICE, COVERAGE_OFFICE)) {
            admin.admin().createOffice(new GatewayOfficeRequest().code(office).name("Office " + office)
                    .country(office).contactEmail("data@" + office.toLowerCase() + ".example"));
        }
        officeKey = admin.admin().createApiKey(new ApiKeyRequest().name("cli test").role("office").officeCode(OFFICE))
                .getApiKey();
        admin.authority().uploadEdition(AuthorityApi.APIUploadEditionRequest.newBuilder().office(COVERAGE_OFFICE)
                .layout("st37-xml").strict(false).waitUntilActive(true).body(edition(COVERAGE_OFFICE)).build());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void publishANewApiThenTheSameSpecThenABreakingOne() throws Exception {
        String api = "dk-cli-legal-status";
        Path v1 = write("v1.yaml", SPEC);
        Path v2 = write("v2.yaml", BREAKING);

        Cli.Run created = cli("publish", v1.toString(), "--api", api);
        assertEquals(ExitCodes.OK, created.code(), created.err());
        assertTrue(created.out().startsWith(api + ": published version 1 (new API); 0 breaking change(s); ST.90 score "),
                created.out());
        assertEquals(1, admin.catalog().getApi(api).getLatestVersion());

        Cli.Run same = cli("publish", v1.toString(), "--api", api, "--format", "json");
        assertEquals(ExitCodes.OK, same.code(), same.err());
        JsonNode identical = new ObjectMapper().readTree(same.out());
        assertTrue(identical.get("identical").asBoolean(), same.out());
        assertEquals("1", identical.get("version").asText(), same.out());
        assertTrue(identical.get("st90Score").isNumber(), same.out());
        assertEquals(1, versions(api).size());

        Cli.Run refused = cli("publish", v2.toString(), "--api", api, "--fail-on", "breaking");
        assertEquals(ExitCodes.FINDINGS, refused.code(), refused.err());
        assertTrue(refused.out().startsWith(api + ": NOT published: version 2 would have "), refused.out());
        assertTrue(refused.out().lines().anyMatch(line -> line.startsWith("  BREAKING  ") && line.contains("status")),
                refused.out());
        assertEquals(List.of(1), versions(api), "the dry run stored nothing");

        Cli.Run published = cli("publish", v2.toString(), "--api", api);
        assertEquals(ExitCodes.OK, published.code(), published.err());
        assertTrue(published.out().startsWith(api + ": published version 2; "), published.out());
        assertTrue(published.out().lines().anyMatch(line -> line.startsWith("  BREAKING  ")), published.out());
        assertEquals(List.of(2, 1), versions(api));

        // a compatible change passes --fail-on breaking and is published
        Path v3 = write("v3.yaml", BREAKING.replace("version: 2.0.0", "version: 2.1.0")
                .replace("summary: The legal status of one application", "summary: The legal status of an application"));
        Cli.Run compatible = cli("publish", v3.toString(), "--api", api, "--fail-on", "breaking");
        assertEquals(ExitCodes.OK, compatible.code(), compatible.err() + compatible.out());
        assertTrue(compatible.out().startsWith(api + ": published version 3; 0 breaking change(s)"), compatible.out());
        assertEquals(List.of(3, 2, 1), versions(api));
        System.out.println("publish outputs:\n" + created.out() + same.out() + refused.out() + published.out()
                + compatible.out());
    }

    @Test
    void theKeyMayComeFromTheConfigFile() throws Exception {
        Path config = write("config.properties", "server=" + stack.gatewayUrl() + "\napi-key=" + officeKey + "\n");
        Cli.Run run = Cli.run(new ServerOptions.Environment(Map.of("IPDEX_CONFIG", config.toString()), dir),
                "publish", write("config.yaml", SPEC.replace("CLI Legal Status", "CLI Config Probe")).toString(),
                "--api", "dk-cli-config-probe");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(OFFICE, admin.catalog().getApi("dk-cli-config-probe").getOfficeCode());
    }

    @Test
    void aWrongKeyIsExitFiveInOneLine() throws Exception {
        Cli.Run run = Cli.run(environment(Map.of("IPDEX_API_KEY", "ipdex_not_a_key_of_this_server")), "publish",
                write("wrong-key.yaml", SPEC).toString(), "--api", "dk-cli-wrong-key");
        run.assertOneLineError(ExitCodes.AUTH);
        assertTrue(run.err().startsWith("ipdex: the server refused the key (IPDEX_API_KEY): "), run.err());
        assertTrue(admin.catalog().listApis(200, OFFICE, null).getItems().stream()
                .noneMatch(api -> api.getApiId().equals("dk-cli-wrong-key")), "nothing registered");

        Cli.Run upload = Cli.run(environment(Map.of("IPDEX_API_KEY", "ipdex_not_a_key_of_this_server")),
                "authority", "upload", write("wrong-key.xml", edition(OFFICE)).toString(), "--office", OFFICE);
        upload.assertOneLineError(ExitCodes.AUTH);
        System.out.println("wrong key:\n" + run.err() + upload.err());
    }

    @Test
    void anOfficeKeyMayNotUploadForAnotherOffice() throws Exception {
        Cli.Run run = cli("authority", "upload", write("other.xml", edition("SE")).toString(), "--office", "SE");
        run.assertOneLineError(ExitCodes.AUTH);
        assertTrue(run.err().contains("may not do this"), run.err());
        System.out.println("another office:\n" + run.err());
    }

    @Test
    void authorityUploadStreamsTheFileAndFollowsTheIngestToActive() throws Exception {
        Path file = write("dk-edition.xml", edition(OFFICE));
        Cli.Run run = cli("authority", "upload", file.toString(), "--office", OFFICE);
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().matches("(?s)" + java.util.regex.Pattern.quote(file.toString())
                + ": edition \\d+ of DK is active: 3 entries accepted, 0 with errors, 3 records in the set\\R"), run.out());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("upload  [########################] 100%")),
                run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("ingest ")), run.err());
        List<StatisticsResponseRow> rows = admin.authority().getStatistics(OFFICE).getRows();
        assertEquals(3, rows.stream().mapToLong(StatisticsResponseRow::getRecords).sum(), rows.toString());

        Cli.Run again = cli("authority", "upload", file.toString(), "--office", OFFICE);
        assertEquals(ExitCodes.OK, again.code(), again.err());
        assertTrue(again.out().contains(": unchanged: this very file is edition "), again.out());
        System.out.println("upload outputs:\n" + run.out() + run.err() + again.out());
    }

    @Test
    void aRejectedUploadPrintsTheReportsProblemsAtTheirLines() throws Exception {
        Path file = write("dk-bad.xml", edition(OFFICE).replace("<publication-date>20200112</publication-date>",
                "<publication-date>20201399</publication-date>"));
        Cli.Run run = cli("authority", "upload", file.toString(), "--office", OFFICE, "--strict");
        assertEquals(ExitCodes.FINDINGS, run.code(), run.err() + run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches(java.util.regex.Pattern.quote(file.toString())
                + ":4: .+")), run.out());
        // strict: the ingest stops at the first record error
        assertTrue(run.out().contains("dk-bad.xml: REJECTED: 2 entries read, 1 accepted, 1 with errors"), run.out());
        EditionResponse newest = admin.authority().listEditions(OFFICE, 1, null).getItems().get(0);
        assertEquals("rejected", newest.getStatus());
        System.out.println("rejected upload output:\n" + run.out() + run.err());
    }

    @Test
    void aFileThatIsNotAnAuthorityFileGetsTheServersProblemInOneLine() throws Exception {
        Path file = write("notes.txt", "these are my notes, not an authority file\n");
        Cli.Run run = cli("authority", "upload", file.toString(), "--office", OFFICE);
        run.assertOneLineError(ExitCodes.INPUT);
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("ipdex: " + file + ":1:1: Not well-formed XML"), run.err());
        System.out.println("not ST.37:\n" + run.err());
    }

    @Test
    void aFileOverTheServersLimitIsRefusedBeforeItIsSent() throws Exception {
        Path big = dir.resolve("huge.xml");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(2L << 30);
        }
        Instant started = Instant.now();
        Cli.Run run = cli("authority", "upload", big.toString(), "--office", OFFICE, "--layout", "st37-xml");
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("huge.xml: too large"), run.err());
        // Expect: 100-continue: the 413 comes back before 2 GB cross the loopback
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 20, "took too long: the body was sent");
        Files.delete(big);
        System.out.println("too large:\n" + run.err());
    }

    @Test
    void coverageCheckPrintsTheTableAndWritesTheMissingList() throws Exception {
        Path holdings = write("holdings.txt", COVERAGE_OFFICE + "1000001A1\n" + COVERAGE_OFFICE + " 1000003\n");
        Path missing = dir.resolve("missing.csv");
        Cli.Run run = Cli.run(environment(Map.of()), "coverage", "check", "--office", COVERAGE_OFFICE,
                holdings.toString(), "--missing-out", missing.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("office year   kind    expected"), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches("FI\\s+2020\\s+A1\\s+2\\s+1\\s+1\\s+0\\s+0\\s+50.00%")),
                run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches("FI\\s+2021\\s+B1\\s+1\\s+1\\s+0\\s+0\\s+0\\s+100.00%")),
                run.out());
        assertTrue(lines.get(lines.size() - 1).matches("total\\s+3\\s+2\\s+1\\s+0\\s+0\\s+66.67%"), run.out());
        String list = Files.readString(missing);
        assertTrue(list.contains("1000002"), list);
        assertFalse(list.contains("1000001"), list);
        assertFalse(list.contains("1000003"), list);
        assertTrue(run.err().contains("1 missing record(s) written to " + missing), run.err());
        System.out.println("coverage output:\n" + run.out() + run.err() + list);
    }

    @Test
    void searchFindsAPublishedApi() throws Exception {
        String api = "dk-cli-search-probe";
        Cli.Run published = cli("publish", write("search.yaml", SPEC.replace("CLI Legal Status", "CLI Search Probe"))
                .toString(), "--api", api);
        assertEquals(ExitCodes.OK, published.code(), published.err());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Cli.Run found;
        do {
            found = Cli.run(environment(Map.of()), "search", "cli search probe");
            assertEquals(ExitCodes.OK, found.code(), found.err());
            if (found.out().contains(api)) {
                break;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        assertTrue(found.out().lines().anyMatch(line -> line.startsWith(api) && line.contains("CLI Search Probe")),
                found.out());
        Cli.Run json = Cli.run(environment(Map.of()), "search", "cli search probe", "--format", "json");
        assertTrue(new ObjectMapper().readTree(json.out()).get("items").size() > 0, json.out());
        Cli.Run operations = Cli.run(environment(Map.of()), "search", "legal status", "--kind", "operations");
        assertEquals(ExitCodes.OK, operations.code(), operations.err());
        System.out.println("search output:\n" + found.out() + operations.out());
    }

    private Cli.Run cli(String... args) {
        return Cli.run(environment(Map.of("IPDEX_API_KEY", officeKey)), args);
    }

    /** The stack's gateway, an empty config file, and these variables: nothing from the machine's own settings. */
    private ServerOptions.Environment environment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("IPDEX_SERVER", stack.gatewayUrl());
        return new ServerOptions.Environment(all, dir);
    }

    private List<Integer> versions(String api) throws Exception {
        return admin.catalog().listVersions(api).stream().map(VersionSummary::getNumber).toList();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String edition(String office) {
        return resource("edition.xml").replace("XX", office);
    }

    private static String resource(String name) {
        try (java.io.InputStream in = ServerCommandsIT.class.getResourceAsStream("/server/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
