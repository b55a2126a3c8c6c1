package org.ipdex.cli.server;

import org.ipdex.client.IpdexClient;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The options every server command shares, and where the rest comes from. There is deliberately no option for the
 * API key: a key on a command line ends up in shell history, in {@code ps} for every user of the machine and in CI
 * logs, so it is read from {@code IPDEX_API_KEY} or the config file only.
 */
public final class ServerOptions {

    /** The variables and home directory the settings are read from: the process's, or a test's own. */
    public record Environment(Map<String, String> variables, Path userHome) {

        public static Environment ofProcess() {
            return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
        }
    }

    private final Environment environment;

    @Option(names = "--server", paramLabel = "URL", description = "the gateway; default: $IPDEX_SERVER, else server= in "
            + "the config file, else " + ServerSettings.DEFAULT_SERVER)
    String server;

    public ServerOptions(Environment environment) {
        this.environment = environment;
    }

    public ServerSettings settings() {
        return ServerSettings.resolve(Optional.ofNullable(server), Optional.empty(), environment.variables(),
                environment.userHome());
    }

    public static IpdexClient connect(ServerSettings settings) {
        return IpdexClient.connect(settings.clientSettings());
    }
}
