package org.ipdex.cli.lint;

import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Json;
import org.ipdex.cli.Output;
import org.ipdex.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks OpenAPI specs against WIPO ST.90 with the catalogue's own rules, offline.",
                "SPEC is a JSON or YAML file, a zip bundle or a folder (read as a bundle, like the same files uploaded).",
                "Exit: 0 nothing at the --fail-on level, 1 violations at it, 2 usage, 3 a spec unreadable or invalid."})
public final class LintCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    enum Threshold { error, warning, none }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "spec file, zip bundle or folder")
    List<Path> specs;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "exit 1 on MUST violations (error), also on SHOULD ones (warning), or never (none). Default: ${DEFAULT-VALUE}")
    Threshold failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--main", paramLabel = "FILE", description = "a bundle's root file, when several could be")
    String main;

    @Override
    public Integer call() {
        SpecLinter linter = new SpecLinter();
        List<LintedSpec> linted = new ArrayList<>();
        for (Path file : specs) {
            linted.add(linter.lint(file, Optional.ofNullable(main)));
        }
        Output.to(Optional.ofNullable(output), spec.commandLine().getOut(), out -> {
            switch (format) {
                case text -> LintText.write(linted, out);
                case json -> Json.write(linted.stream().map(JsonReport::of).toList(), out);
                case sarif -> Sarif.write(linted, linter.rules(), Version.number(), out);
            }
        });
        FailOn threshold = FailOn.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT));
        return linted.stream().anyMatch(spec -> threshold.fails(spec.report())) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
