package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.cli.Json;
import org.ipdex.cli.Version;
import org.ipdex.cli.lint.FailOn;
import org.ipdex.cli.lint.JsonReport;
import org.ipdex.cli.lint.LintText;
import org.ipdex.cli.lint.LintedSpec;
import org.ipdex.cli.lint.Sarif;
import org.ipdex.cli.lint.SpecLinter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the API's spec(s) against WIPO ST.90 with the catalogue's own 47 rules, offline (the rules as written: an
 * administrator's overrides and recorded exceptions are server state), writes the report under
 * {@code target/ipdex/}, and fails the build when a violation reaches {@code failOn}, listing each as
 * {@code file:line: LEVEL rule message}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends IpdexMojo {

    /** The report's format; the file is {@code lint.txt}, {@code lint.json} or {@code lint.sarif}. */
    enum Format {
        TEXT("txt"), JSON("json"), SARIF("sarif");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** The spec: a JSON or YAML file, a zip bundle, or a folder read as one bundle (its files sent together). */
    @Parameter(property = "ipdex.spec")
    File spec;

    /** A folder with one spec per entry (file, zip or sub-folder), each linted on its own; with or without {@code spec}. */
    @Parameter(property = "ipdex.specs")
    File specs;

    /** A bundle's root file (relative to the bundle), when more than one file could be it. */
    @Parameter(property = "ipdex.main")
    String main;

    /** {@code text}, {@code json} or {@code sarif} (SARIF 2.1.0, for code-scanning views). */
    @Parameter(property = "ipdex.lint.format", defaultValue = "sarif")
    String format;

    /** Fail on MUST violations ({@code error}), also on SHOULD ones ({@code warning}), or never ({@code none}). */
    @Parameter(property = "ipdex.lint.failOn", defaultValue = "error")
    String failOn;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        FailOn threshold = Choices.of(FailOn.class, "failOn", failOn);
        Format chosen = Choices.of(Format.class, "format", format);
        SpecLinter linter = new SpecLinter();
        List<LintedSpec> linted = new ArrayList<>();
        for (Path input : SpecFiles.select(spec, specs)) {
            try {
                linted.add(linter.lint(input, Optional.ofNullable(main)));
            } catch (RuntimeException e) {
                throw BuildFailures.of(input.toString(), e);
            }
        }
        Path report = Reports.write(outputDirectory, "lint." + chosen.extension, out -> {
            switch (chosen) {
                case TEXT -> LintText.write(linted, out);
                case JSON -> Json.write(linted.stream().map(JsonReport::of).toList(), out);
                case SARIF -> Sarif.write(linted, linter.rules(), Version.number(), out);
            }
        });
        List<String> failing = new ArrayList<>();
        for (LintedSpec one : linted) {
            for (Violation violation : one.report().violations()) {
                if (threshold.fails(violation.severity())) {
                    failing.add(LintText.line(one, violation));
                } else {
                    getLog().warn(LintText.line(one, violation));
                }
            }
            getLog().info("ipdex: " + LintText.summary(one));
        }
        getLog().info("ipdex: lint report " + report);
        if (!failing.isEmpty()) {
            throw new MojoFailureException("ST.90 lint: " + failing.size() + " violation(s) at failOn="
                    + Choices.spelling(threshold) + " (report: " + report + "):\n  " + String.join("\n  ", failing));
        }
    }
}
