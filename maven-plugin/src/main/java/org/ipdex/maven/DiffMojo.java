package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ipdex.catalog.diff.Change;
import org.ipdex.catalog.diff.ChangeLog;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Json;
import org.ipdex.cli.diff.DiffText;
import org.ipdex.cli.diff.SpecDiffer;
import org.ipdex.cli.server.ServerSettings;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the spec with a baseline — the previous release's spec, checked in or unpacked, or the latest version
 * published on an ipdex server — as the catalogue judges a new version (requests and responses told apart), writes the change log under {@code target/ipdex/}, and fails
 * the build when a change reaches {@code failOn}, printing each such change.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends IpdexMojo {

    /** The report's format; the file is {@code diff.txt}, {@code diff.json} or {@code diff.md}. */
    enum Format {
        TEXT("txt"), JSON("json"), MARKDOWN("md");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** The spec as built now: a JSON or YAML file, a zip bundle or a folder. */
    @Parameter(property = "ipdex.spec", required = true)
    File spec;

    /** The spec to compare with: the last released one (file, zip bundle or folder). */
    @Parameter(property = "ipdex.baseline")
    File baseline;

    /**
     * Instead of {@code baseline}: compare with the latest version of this API on the ipdex server. Its property is
     * not publish's {@code ipdex.api}, so that {@code mvn deploy -Dipdex.api=…} leaves a configured baseline alone.
     */
    @Parameter(property = "ipdex.diff.api")
    String api;

    /** The gateway {@code api} is read from; without it {@code IPDEX_SERVER}, then the ipdex config file. */
    @Parameter(property = "ipdex.server")
    String server;

    /** Fail on breaking changes ({@code breaking}), also on possibly breaking ones ({@code possibly-breaking}), or never ({@code none}). */
    @Parameter(property = "ipdex.diff.failOn", defaultValue = "breaking")
    String failOn;

    /** {@code text}, {@code json} (the catalogue's DiffReport) or {@code markdown} (the portal's change log). */
    @Parameter(property = "ipdex.diff.format", defaultValue = "text")
    String format;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        SpecDiffer.FailOn threshold = Choices.of(SpecDiffer.FailOn.class, "failOn", failOn);
        Format chosen = Choices.of(Format.class, "format", format);
        Path older = baseline();
        DiffReport diff;
        try {
            diff = new SpecDiffer().diff(older, spec.toPath());
        } catch (RuntimeException e) {
            throw BuildFailures.of(spec.toString(), e);
        }
        Path report = Reports.write(outputDirectory, "diff." + chosen.extension, out -> {
            switch (chosen) {
                case TEXT -> DiffText.write(diff, out);
                case JSON -> Json.write(diff, out);
                case MARKDOWN -> out.print(ChangeLog.markdown("Changes from " + older.getFileName() + " to "
                        + spec.getName(), diff));
            }
        });
        List<String> failing = new ArrayList<>();
        for (Change change : diff.changes()) {
            if (threshold.fails(change.classification())) {
                failing.add(DiffText.line(change));
            } else {
                getLog().info(DiffText.line(change));
            }
        }
        getLog().info("ipdex: " + spec + " against " + older + ": " + DiffText.verdict(diff));
        getLog().info("ipdex: diff report " + report);
        if (!failing.isEmpty()) {
            throw new MojoFailureException("ipdex diff: " + failing.size() + " change(s) at failOn="
                    + Choices.spelling(threshold) + " against " + older + ":\n  " + String.join("\n  ", failing));
        }
    }

    private Path baseline() throws MojoExecutionException, MojoFailureException {
        if ((baseline == null) == (api == null)) {
            throw new MojoExecutionException("Set either <baseline> (the spec as last released) or <api> (the latest "
                    + "version of that API on the ipdex <server>)");
        }
        if (baseline != null) {
            return baseline.toPath();
        }
        ServerSettings target;
        try {
            target = ServerSettings.resolve(Optional.ofNullable(server), Optional.empty());
        } catch (CliFailure failure) {
            throw BuildFailures.of(failure);
        }
        return LatestVersion.fetch(target, api, outputDirectory.toPath(), getLog());
    }
}
