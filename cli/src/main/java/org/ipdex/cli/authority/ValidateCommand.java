package org.ipdex.cli.authority;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.authority.ingest.DefinitionFileReader;
import org.ipdex.authority.ingest.FileValidation;
import org.ipdex.authority.ingest.IngestProperties;
import org.ipdex.authority.ingest.IngestReport;
import org.ipdex.authority.ingest.Readers;
import org.ipdex.authority.ingest.UpdateCategory;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Failures;
import org.ipdex.cli.Json;
import org.ipdex.cli.Output;
import org.ipdex.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks an authority file (ST.37 XML, EPO CSV, USPTO TSV or a mapped delimited file; plain, gzip "
                + "or zip) as authority-service checks an upload, offline: the same readers, record checks, duplicate "
                + "rule and error-rate threshold, every error with its line.",
                "Exit: 0 the service would accept it, 1 it would reject it, 2 usage, 3 the file is unreadable or "
                        + "not an authority file (not well-formed, wrong root, external entities, not UTF-8, a bomb)."})
public final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the authority file")
    Path file;

    @Option(names = "--layout", description = "st37-xml, epo-csv, uspto-tsv or delimited; default: from the file "
            + "(delimited when --mapping is given)")
    String layout;

    @Option(names = "--mapping", paramLabel = "MAP.yaml", description = "columns of a delimited file (see cli/README.md)")
    Path mapping;

    @Option(names = "--office", paramLabel = "XX", description = "the office the file is for; default: the one it names")
    String office;

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "a definition file (XML definition part, or type;code;description) to check codes against "
                    + "when the file defines none")
    Path definitions;

    @Option(names = "--category", description = "full, incremental or differential; default: what the file says, else full")
    String category;

    @Option(names = "--max-error-rate", defaultValue = "0.01",
            description = "share of entries with errors above which the file is rejected. Default: ${DEFAULT-VALUE}")
    double maxErrorRate;

    @Option(names = "--max-listed", defaultValue = "1000", description = "errors listed (all are counted). Default: ${DEFAULT-VALUE}")
    int maxListed;

    @Option(names = "--strict", description = "reject the file at any record error, like strict=true on upload")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "text or json (the service's report). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.input(file + ": no such file");
        }
        Readers readers = Readers.standalone(IngestProperties.defaults());
        if (layout != null && !readers.layouts().contains(layout)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--layout must be one of "
                    + readers.layouts());
        }
        Optional<MappingFile> map = Optional.ofNullable(mapping).map(MappingFile::read);
        String chosen = layout != null ? layout : map.isPresent() ? "delimited" : LayoutGuess.of(file);
        OfficeDefinitions given = definitions != null ? definitionFile(readers)
                : map.map(MappingFile::definitions).orElse(OfficeDefinitions.none());
        FileValidation.Options options = new FileValidation.Options(chosen,
                Optional.ofNullable(office).map(o -> o.strip().toUpperCase(Locale.ROOT)), map.map(MappingFile::columns),
                category(), given, new FileValidation.Thresholds(maxErrorRate, maxListed, strict));
        IngestReport report;
        try {
            report = new FileValidation(readers).validate(file, options);
        } catch (IOException | RuntimeException e) {
            throw Failures.about(file.toString(), e);
        }
        Output.to(Optional.ofNullable(output), spec.commandLine().getOut(), out -> {
            if (format == Format.json) {
                Json.write(report, out);
            } else {
                ValidationText.write(file.toString(), report, OptionalDouble.of(maxErrorRate), out);
            }
        });
        return "accepted".equals(report.outcome()) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private Optional<UpdateCategory> category() {
        if (category == null) {
            return Optional.empty();
        }
        return Optional.of(UpdateCategory.of(category).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "--category must be full, incremental or differential")));
    }

    private OfficeDefinitions definitionFile(Readers readers) {
        try {
            return new DefinitionFileReader(List.of(readers.reader("st37-xml"))).read(Files.readAllBytes(definitions));
        } catch (IOException | RuntimeException e) {
            throw Failures.about(definitions.toString(), e);
        }
    }
}
