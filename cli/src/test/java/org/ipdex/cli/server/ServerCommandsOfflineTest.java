package org.ipdex.cli.server;

import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server commands do before, or instead of, reaching a server: no stack needed. */
class ServerCommandsOfflineTest {

    @TempDir
    Path home;

    @Test
    void aServerThatIsDownIsExitFourInOneLine() throws IOException {
        Path spec = Files.writeString(home.resolve("openapi.yaml"), "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n");
        String closed = "http://127.0.0.1:" + closedPort();
        Cli.Run run = Cli.run(environment(Map.of("IPDEX_API_KEY", "ipdex_some_key")), "publish", spec.toString(),
                "--api", "xx-down", "--server", closed);
        run.assertOneLineError(ExitCodes.SERVER);
        assertTrue(run.err().contains("cannot reach " + closed) && run.err().contains("connection refused"), run.err());

        Path holdings = Files.writeString(home.resolve("holdings.txt"), "EP1000000\n");
        Cli.Run check = Cli.run(environment(Map.of("IPDEX_SERVER", closed)), "coverage", "check", "--office", "EP",
                holdings.toString());
        check.assertOneLineError(ExitCodes.SERVER);
        assertTrue(check.err().contains("cannot reach " + closed), check.err());

        Cli.Run search = Cli.run(environment(Map.of("IPDEX_SERVER", closed)), "search", "legal status");
        search.assertOneLineError(ExitCodes.SERVER);
        System.out.println("server down:\n" + run.err() + search.err());
    }

    @Test
    void aMissingFileIsExitThreeBeforeAnyRequest() {
        String closed = "http://127.0.0.1:" + closedPort();
        Map<String, String> keyed = Map.of("IPDEX_API_KEY", "ipdex_some_key", "IPDEX_SERVER", closed);
        Cli.Run publish = Cli.run(environment(keyed), "publish", home.resolve("nope.yaml").toString(), "--api", "xx-a");
        publish.assertOneLineError(ExitCodes.INPUT);
        assertTrue(publish.err().contains("nope.yaml: no such file"), publish.err());

        Cli.Run upload = Cli.run(environment(keyed), "authority", "upload", home.resolve("nope.xml").toString(),
                "--office", "EP");
        upload.assertOneLineError(ExitCodes.INPUT);
        assertTrue(upload.err().contains("nope.xml: no such file"), upload.err());

        Cli.Run check = Cli.run(environment(keyed), "coverage", "check", "--office", "EP",
                home.resolve("nope.txt").toString());
        check.assertOneLineError(ExitCodes.INPUT);
    }

    @Test
    void withoutAKeyAWriteIsExitFiveAndSaysWhereAKeyGoes() throws IOException {
        Path spec = Files.writeString(home.resolve("openapi.yaml"), "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n");
        Cli.Run run = Cli.run(environment(Map.of()), "publish", spec.toString(), "--api", "xx-keyless");
        run.assertOneLineError(ExitCodes.AUTH);
        assertTrue(run.err().contains("IPDEX_API_KEY"), run.err());
        System.out.println("no key:\n" + run.err());
    }

    @Test
    void thereIsNoKeyOption() throws IOException {
        Path spec = Files.writeString(home.resolve("openapi.yaml"), "openapi: 3.0.3\n");
        Cli.run(environment(Map.of()), "publish", spec.toString(), "--api", "xx", "--api-key", "ipdex_k")
                .assertOneLineError(ExitCodes.USAGE);
        assertTrue(Cli.run("publish", "--help").out().contains("never from an option"));
    }

    @Test
    void theServerAndKeyComeFromTheOptionThenTheEnvironmentThenTheConfigFile() throws IOException {
        Path config = Files.writeString(home.resolve("config.properties"),
                "server = https://ipdex.example.org\napi-key = ipdex_from_file\n");
        Map<String, String> viaConfig = Map.of("IPDEX_CONFIG", config.toString());
        ServerSettings fromFile = ServerSettings.resolve(Optional.empty(), Optional.empty(), viaConfig, home);
        assertEquals("https://ipdex.example.org", fromFile.server().toString());
        assertEquals(Optional.of("ipdex_from_file"), fromFile.apiKey());
        assertTrue(fromFile.keyOrigin().contains(config.toString()), fromFile.keyOrigin());

        ServerSettings fromEnvironment = ServerSettings.resolve(Optional.empty(), Optional.empty(),
                Map.of("IPDEX_CONFIG", config.toString(), "IPDEX_SERVER", "http://10.0.0.1:8080",
                        "IPDEX_API_KEY", "ipdex_from_env"), home);
        assertEquals("http://10.0.0.1:8080", fromEnvironment.server().toString());
        assertEquals(Optional.of("ipdex_from_env"), fromEnvironment.apiKey());
        assertEquals("IPDEX_API_KEY", fromEnvironment.keyOrigin());

        ServerSettings fromOption = ServerSettings.resolve(Optional.of("http://option:1"), Optional.empty(),
                Map.of("IPDEX_CONFIG", config.toString(), "IPDEX_SERVER", "http://10.0.0.1:8080"), home);
        assertEquals("http://option:1", fromOption.server().toString());

        // the default place, under the home directory
        Files.createDirectories(home.resolve(".config/ipdex"));
        Files.writeString(home.resolve(".config/ipdex/config.properties"), "api-key=ipdex_home\n");
        ServerSettings fromHome = ServerSettings.resolve(Optional.empty(), Optional.empty(), Map.of(), home);
        assertEquals(ServerSettings.DEFAULT_SERVER, fromHome.server().toString());
        assertEquals(Optional.of("ipdex_home"), fromHome.apiKey());
    }

    @Test
    void aConfigFileNamedButMissingOrABadServerIsOneLine() throws IOException {
        Path spec = Files.writeString(home.resolve("openapi.yaml"), "openapi: 3.0.3\n");
        Cli.Run missing = Cli.run(environment(Map.of("IPDEX_CONFIG", home.resolve("none.properties").toString())),
                "search", "x");
        missing.assertOneLineError(ExitCodes.INPUT);
        assertTrue(missing.err().contains("none.properties"), missing.err());
        Cli.Run badServer = Cli.run(environment(Map.of()), "publish", spec.toString(), "--api", "xx",
                "--server", "ftp://x");
        assertEquals(ExitCodes.USAGE, badServer.code(), badServer.err());
        assertEquals(1, badServer.err().lines().count(), badServer.err());
        assertTrue(badServer.err().contains("http or https URL, not 'ftp://x'"), badServer.err());
    }

    private ServerOptions.Environment environment(Map<String, String> variables) {
        return new ServerOptions.Environment(variables, home);
    }

    /** A port nothing listens on: bound, then closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
