package org.ipdex.cli.diff;

import org.ipdex.catalog.diff.ChangeLog;
import org.ipdex.catalog.diff.DiffReport;
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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Lists the changes from OLD to NEW and judges each as the catalogue does: breaking, possibly "
                + "breaking or not, knowing requests from responses. Offline.",
                "Exit: 0 nothing at the --fail-on level, 1 changes at it, 2 usage, 3 a spec unreadable or invalid."})
public final class DiffCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    enum Threshold { breaking, possibly_breaking, none }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the older spec: file, zip bundle or folder")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "the newer spec")
    Path newer;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown. Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--fail-on", defaultValue = "none", converter = ThresholdConverter.class,
            description = "exit 1 on breaking changes (breaking), also on possibly breaking ones (possibly-breaking), "
                    + "or never (none). Default: ${DEFAULT-VALUE}")
    Threshold failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Override
    public Integer call() {
        DiffReport report = new SpecDiffer().diff(older, newer);
        Output.to(Optional.ofNullable(output), spec.commandLine().getOut(), out -> {
            switch (format) {
                case text -> DiffText.write(report, out);
                case json -> Json.write(report, out);
                case markdown -> out.print(ChangeLog.markdown("Changes from " + older.getFileName() + " to "
                        + newer.getFileName(), report));
            }
        });
        SpecDiffer.FailOn threshold = SpecDiffer.FailOn.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        return threshold.fails(report) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Accepts the spelling people type, {@code possibly-breaking}. */
    static final class ThresholdConverter implements picocli.CommandLine.ITypeConverter<Threshold> {
        @Override
        public Threshold convert(String value) {
            try {
                return Threshold.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected breaking, possibly-breaking or none, "
                        + "not '" + value + "'");
            }
        }
    }
}
