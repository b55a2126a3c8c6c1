package org.ipdex.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ipdex.catalog.diff.Change;
import org.ipdex.catalog.diff.ChangeLog;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.cli.Json;
import org.ipdex.cli.diff.DiffText;
import org.ipdex.cli.diff.SpecDiffer;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the spec with a baseline — the previous release's spec, checked in or unpacked — as the catalogue judges
 * a new version (requests and responses told apart), writes the change log under {@code target/ipdex/}, and fails
 * the build when a change reaches {@code failOn}, printing each such change.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends AbstractMojo {

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
    private File spec;

    /** The spec to compare with: the last released one (file, zip bundle or folder). */
    @Parameter(property = "ipdex.baseline", required = true)
    private File baseline;

    /** Fail on breaking changes ({@code breaking}), also on possibly breaking ones ({@code possibly-breaking}), or never ({@code none}). */
    @Parameter(property = "ipdex.diff.failOn", defaultValue = "breaking")
    private String failOn;

    /** {@code text}, {@code json} (the catalogue's DiffReport) or {@code markdown} (the portal's change log). */
    @Parameter(property = "ipdex.diff.format", defaultValue = "text")
    private String format;

    /** Where the report is written. */
    @Parameter(property = "ipdex.outputDirectory", defaultValue = "${project.build.directory}/ipdex")
    private File outputDirectory;

    /** Skips every ipdex goal. */
    @Parameter(property = "ipdex.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ipdex: diff skipped");
            return;
        }
        SpecDiffer.FailOn threshold = Choices.of(SpecDiffer.FailOn.class, "failOn", failOn);
        Format chosen = Choices.of(Format.class, "format", format);
        DiffReport diff;
        try {
            diff = new SpecDiffer().diff(baseline.toPath(), spec.toPath());
        } catch (RuntimeException e) {
            throw BuildFailures.of(spec.toString(), e);
        }
        Path report = Reports.write(outputDirectory, "diff." + chosen.extension, out -> {
            switch (chosen) {
                case TEXT -> DiffText.write(diff, out);
                case JSON -> Json.write(diff, out);
                case MARKDOWN -> out.print(ChangeLog.markdown("Changes from " + baseline.getName() + " to "
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
        getLog().info("ipdex: " + spec + " against " + baseline + ": " + DiffText.verdict(diff));
        getLog().info("ipdex: diff report " + report);
        if (!failing.isEmpty()) {
            throw new MojoFailureException("ipdex diff: " + failing.size() + " change(s) at failOn="
                    + Choices.spelling(threshold) + " against " + baseline + ":\n  " + String.join("\n  ", failing));
        }
    }
}
