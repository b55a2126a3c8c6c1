package org.ipdex.cli.server;

import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.client.ClientSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which gateway to call and with which key, for the CLI's server commands and the Maven plugin alike. Each value is
 * taken from the first place that has it: what the caller was given (the CLI's {@code --server}; the plugin's
 * configuration), then the environment ({@code IPDEX_SERVER}, {@code IPDEX_API_KEY}), then the config file
 * ({@code $IPDEX_CONFIG}, else {@code ~/.config/ipdex/config.properties}; keys {@code server}, {@code api-key}),
 * then {@value #DEFAULT_SERVER} and no key.
 *
 * <p>The CLI never takes a key on its command line (shell history, {@code ps} and CI logs show it); the plugin may
 * pass one it read from Maven's {@code settings.xml}.
 *
 * @param server    the gateway's base URL
 * @param apiKey    the key, if any was found
 * @param keyOrigin where the key came from ({@code IPDEX_API_KEY}, the config file's path, …), for a message that
 *                  tells a refused key's owner which one to fix; "no key" without one
 */
public record ServerSettings(URI server, Optional<String> apiKey, String keyOrigin) {

    public static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
    public static final String SERVER_ENV = "IPDEX_SERVER";
    public static final String KEY_ENV = "IPDEX_API_KEY";
    public static final String CONFIG_ENV = "IPDEX_CONFIG";
    /** An upload or a check may take minutes to answer; a request never waits longer than this for a reply. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Resolved from this process's environment and the user's config file. */
    public static ServerSettings resolve(Optional<String> server, Optional<String> apiKey) {
        return resolve(server, apiKey, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** @param environment the variables to read ({@code System.getenv()}, or a test's own) */
    public static ServerSettings resolve(Optional<String> server, Optional<String> apiKey,
                                         Map<String, String> environment, Path userHome) {
        Path configFile = Optional.ofNullable(environment.get(CONFIG_ENV)).filter(name -> !name.isBlank())
                .map(Path::of).orElse(userHome.resolve(".config/ipdex/config.properties"));
        Properties config = read(configFile, environment.containsKey(CONFIG_ENV));
        String url = first(server, environment.get(SERVER_ENV), config.getProperty("server")).orElse(DEFAULT_SERVER);
        Optional<String> key;
        String origin;
        if (present(apiKey.orElse(null))) {
            key = apiKey.map(String::strip);
            origin = "the key given";
        } else if (present(environment.get(KEY_ENV))) {
            key = Optional.of(environment.get(KEY_ENV).strip());
            origin = KEY_ENV;
        } else if (present(config.getProperty("api-key"))) {
            key = Optional.of(config.getProperty("api-key").strip());
            origin = "api-key in " + configFile;
        } else {
            key = Optional.empty();
            origin = "no key";
        }
        return new ServerSettings(uri(url), key, origin);
    }

    /** The typed client's settings; requests may take {@link #TIMEOUT} (uploads answer when the file is read). */
    public ClientSettings clientSettings() {
        return new ClientSettings(server, apiKey, TIMEOUT);
    }

    /** Refuses to go on without a key: the command would only hear 401 from the server. */
    public ServerSettings requireKey(String why) {
        if (apiKey.isEmpty()) {
            throw new CliFailure(ExitCodes.AUTH, why + " needs an API key: set " + KEY_ENV
                    + " or api-key in the config file (" + CONFIG_ENV + ", else ~/.config/ipdex/config.properties)");
        }
        return this;
    }

    private static Properties read(Path file, boolean named) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            if (named) {
                // a file named on purpose that is not there is a mistake, not a default
                throw CliFailure.input(file + " (" + CONFIG_ENV + "): no such file");
            }
        } catch (IOException e) {
            throw CliFailure.input(file + ": the config file cannot be read (" + e.getMessage() + ")");
        }
        return properties;
    }

    private static URI uri(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, "the server must be an http or https URL, not '"
                    + url + "'");
        }
    }

    private static Optional<String> first(Optional<String> given, String fromEnvironment, String fromConfig) {
        if (given.isPresent() && present(given.get())) {
            return given;
        }
        if (present(fromEnvironment)) {
            return Optional.of(fromEnvironment);
        }
        return Optional.ofNullable(fromConfig).filter(ServerSettings::present);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
