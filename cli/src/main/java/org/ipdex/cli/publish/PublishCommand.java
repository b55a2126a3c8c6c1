package org.ipdex.cli.publish;

import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Json;
import org.ipdex.cli.Version;
import org.ipdex.cli.server.ServerFailures;
import org.ipdex.cli.server.ServerOptions;
import org.ipdex.cli.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Registers SPEC (one JSON or YAML file) as the next version of API ID, or as a new API when "
                + "there is none (an office key registers it for its own office; an administrator adds --office). "
                + "Prints the version, whether it was identical to the latest one (nothing stored), the breaking "
                + "changes and the ST.90 score and level.",
                "With --fail-on breaking the spec is first diffed against the latest version (the catalogue's own "
                        + "diff, here) and NOT published when that finds a breaking change.",
                "The API key comes from IPDEX_API_KEY or api-key in the config file ($IPDEX_CONFIG, else "
                        + "~/.config/ipdex/config.properties), never from an option: a key on a command line is "
                        + "seen in shell history, by ps and in CI logs.",
                "Exit: 0 published (or identical), 1 not published: breaking changes (--fail-on breaking), 2 usage, "
                        + "3 the spec is missing, unreadable or refused by the server, 4 server unreachable or "
                        + "failed, 5 no key, key refused or another office's API, 7 another upload stored a version "
                        + "meanwhile (409)."})
public final class PublishCommand implements Callable<Integer> {

    enum Format { text, json }

    enum Threshold { breaking, none }

    /** The JSON output: the result and whether it was stored. */
    record Output(String apiId, String version, boolean published, boolean identical, List<String> breakingChanges,
                  Double st90Score, String st90Level) {
        static Output of(PublishResult result, boolean published) {
            return new Output(result.apiId(), result.version(), published, result.identical(),
                    result.breakingChanges(), result.st90Score(), result.st90Level());
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "SPEC", description = "the spec: one OpenAPI 3 or Swagger 2.0 file, JSON or YAML")
    Path file;

    @Option(names = "--api", paramLabel = "ID", required = true, description = "the API's id in the catalogue")
    String apiId;

    @Option(names = "--office", paramLabel = "XX",
            description = "the office a new API is registered for (administrator keys; an office key implies its own)")
    String office;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--fail-on", defaultValue = "none",
            description = "breaking: check first and do not publish a spec with breaking changes (exit 1); none: "
                    + "publish whatever the diff says. Default: ${DEFAULT-VALUE}")
    Threshold failOn;

    @Override
    public Integer call() {
        ServerSettings settings = server.settings();
        ServerFailures failures = new ServerFailures(settings);
        PrintWriter out = spec.commandLine().getOut();
        try {
            SpecFile.read(file);
            settings.requireKey("publish");
            Publisher publisher = new Publisher(ServerOptions.connect(settings)).forOffice(office);
            if (failOn == Threshold.breaking) {
                PublishResult planned = publisher.check(apiId, file);
                if (planned.breaking()) {
                    write(planned, false, out);
                    return ExitCodes.FINDINGS;
                }
            }
            write(publisher.publish(apiId, file), true, out);
            return ExitCodes.OK;
        } catch (Exception e) {
            throw failures.about(file.toString(), e);
        }
    }

    private void write(PublishResult result, boolean published, PrintWriter out) {
        if (format == Format.json) {
            Json.write(Output.of(result, published), out);
            return;
        }
        String score = result.st90Score() == null ? "no ST.90 score"
                : String.format(Locale.ROOT, "ST.90 score %.0f, level %s", result.st90Score(), result.st90Level());
        if (!published) {
            out.printf("%s: NOT published: version %s would have %d breaking change(s) against version %d; %s%n",
                    result.apiId(), result.version(), result.breakingChanges().size(),
                    Integer.parseInt(result.version()) - 1, score);
        } else if (result.identical()) {
            out.printf("%s: unchanged: the spec is version %s already (identical, nothing stored); %s%n",
                    result.apiId(), result.version(), score);
        } else {
            out.printf("%s: published version %s%s; %d breaking change(s); %s%n", result.apiId(), result.version(),
                    result.version().equals("1") ? " (new API)" : "", result.breakingChanges().size(), score);
        }
        result.breakingChanges().forEach(change -> out.println("  BREAKING  " + change));
    }
}
