package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Json;
import org.ipdex.cli.publish.PublishResult;
import org.ipdex.cli.publish.Publisher;
import org.ipdex.cli.server.ServerFailures;
import org.ipdex.cli.server.ServerSettings;
import org.ipdex.client.IpdexClient;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes the spec to an ipdex server as the next version of the API (or as a new API), through the CLI's
 * {@link Publisher} and the typed client. With {@code failOn=breaking} (the default) the spec is first diffed against
 * the latest published version and not published when a change is breaking. A spec identical to the latest version
 * stores nothing and passes.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends IpdexMojo {

    enum Threshold { BREAKING, NONE }

    /** The spec: one OpenAPI 3 or Swagger 2.0 file, JSON or YAML. */
    @Parameter(property = "ipdex.spec", required = true)
    File spec;

    /** The API's id in the catalogue. */
    @Parameter(property = "ipdex.api", required = true)
    String api;

    /** The gateway's URL; without it {@code IPDEX_SERVER}, then the ipdex config file, then http://127.0.0.1:8080. */
    @Parameter(property = "ipdex.server")
    String server;

    /** The {@code settings.xml} server whose password is the office's API key; without one, {@code IPDEX_API_KEY}. */
    @Parameter(property = "ipdex.serverId", defaultValue = "ipdex")
    String serverId;

    /** The office a new API is registered for: with an administrator's key only (an office key implies its own). */
    @Parameter(property = "ipdex.office")
    String office;

    /** {@code breaking}: do not publish a spec with breaking changes and fail; {@code none}: publish it anyway. */
    @Parameter(property = "ipdex.publish.failOn", defaultValue = "breaking")
    String failOn;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    private final ApiKeys keys;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        this.keys = new ApiKeys(decrypter);
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Threshold threshold = Choices.of(Threshold.class, "failOn", failOn);
        Optional<String> key = keys.fromSettings(settings, serverId);
        ServerSettings target;
        try {
            target = ServerSettings.resolve(Optional.ofNullable(server), key);
        } catch (CliFailure failure) {
            throw BuildFailures.of(failure);
        }
        if (key.isPresent()) {
            // a refused key's message names where it came from: here, not "the key given"
            target = new ServerSettings(target.server(), key, "<server> '" + serverId + "' in settings.xml");
        }
        if (target.apiKey().isEmpty()) {
            throw new MojoFailureException("ipdex:publish needs the office's API key: a <server> with the id '"
                    + serverId + "' in settings.xml whose <password> is the key, or " + ServerSettings.KEY_ENV);
        }
        PublishResult result = publish(target, threshold);
        Path report = Reports.write(outputDirectory, "publish.json", out -> Json.write(result, out));
        String score = result.st90Score() == null ? "no ST.90 score"
                : String.format(Locale.ROOT, "ST.90 score %.0f, level %s", result.st90Score(), result.st90Level());
        if (result.identical()) {
            getLog().info("ipdex: " + api + " unchanged: the spec is version " + result.version()
                    + " already (nothing stored); " + score);
        } else {
            getLog().info("ipdex: published " + api + " version " + result.version() + " to " + target.server() + "; "
                    + result.breakingChanges().size() + " breaking change(s); " + score);
        }
        result.breakingChanges().forEach(change -> getLog().warn("BREAKING  " + change));
        getLog().info("ipdex: publish report " + report);
    }

    private PublishResult publish(ServerSettings target, Threshold threshold)
            throws MojoExecutionException, MojoFailureException {
        ServerFailures failures = new ServerFailures(target);
        try {
            Publisher publisher = new Publisher(IpdexClient.connect(target.clientSettings())).forOffice(office);
            if (threshold == Threshold.BREAKING) {
                PublishResult planned = publisher.check(api, spec.toPath());
                if (planned.breaking()) {
                    throw new MojoFailureException("ipdex publish: " + api + " NOT published: version "
                            + planned.version() + " would have " + planned.breakingChanges().size()
                            + " breaking change(s) (failOn=breaking; -Dipdex.publish.failOn=none publishes anyway):\n"
                            + "  BREAKING  " + String.join("\n  BREAKING  ", planned.breakingChanges()));
                }
            }
            return publisher.publish(api, spec.toPath());
        } catch (MojoFailureException notPublished) {
            throw notPublished;
        } catch (Exception e) {
            throw BuildFailures.of(failures.about(spec.toString(), e));
        }
    }
}
