package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.ipdex.cli.server.ServerFailures;
import org.ipdex.cli.server.ServerSettings;
import org.ipdex.client.IpdexClient;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The latest version of an API as an ipdex server publishes it, fetched as its original file through the typed
 * client, so that the diff goal compares with what clients of the catalogue read now. Reading is public: no key.
 */
final class LatestVersion {

    private LatestVersion() {
    }

    /** @return the file, under {@code directory}, named after the API and its version */
    static Path fetch(ServerSettings server, String apiId, Path directory, Log log)
            throws MojoExecutionException, MojoFailureException {
        try {
            IpdexClient client = IpdexClient.connect(server.clientSettings());
            int latest = client.catalog().getApi(apiId).getLatestVersion();
            File original = client.catalog().getVersionSpec(apiId, latest, "original");
            Files.createDirectories(directory);
            Path baseline = directory.resolve("baseline-" + apiId + "-v" + latest);
            Files.move(original.toPath(), baseline, StandardCopyOption.REPLACE_EXISTING);
            log.info("ipdex: baseline is version " + latest + " of " + apiId + " on " + server.server());
            return baseline;
        } catch (Exception e) {
            throw BuildFailures.of(new ServerFailures(server).about(apiId, e));
        }
    }
}
