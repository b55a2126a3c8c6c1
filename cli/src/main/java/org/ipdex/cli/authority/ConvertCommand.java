package org.ipdex.cli.authority;

import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Failures;
import org.ipdex.cli.Version;
import org.ipdex.common.problem.ProblemError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes an ST.37 v2.2 authority file (XML with its definition part, or the EPO's semicolon "
                + "text with a companion definition file) from any delimited file, streaming: any number of rows in "
                + "constant memory. Each row is checked as an upload checks it; rows that would be refused are left out "
                + "and listed with their lines.",
                "Exit: 0 every row converted, 1 some rows left out (the file is still written), 2 usage, 3 the input "
                        + "or the mapping is unreadable."})
public final class ConvertCommand implements Callable<Integer> {

    enum To { st37_xml, st37_csv }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the delimited input (plain, gzip or zip)")
    Path input;

    @Option(names = "--mapping", required = true, paramLabel = "MAP.yaml",
            description = "its columns, delimiter and code descriptions (see cli/README.md)")
    Path mapping;

    @Option(names = "--office", required = true, paramLabel = "XX", description = "the publishing office (ST.3 code)")
    String office;

    @Option(names = "--to", required = true, converter = ToConverter.class, description = "st37-xml or st37-csv")
    To to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "default XX_AF_YYYYMMDD.xml|.csv here; '-' for stdout (st37-csv: no definition file then)")
    Path output;

    @Option(names = "--produced", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "date-produced of the file; default today")
    LocalDate produced;

    @Override
    public Integer call() {
        String code = office.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--office must be a two-letter ST.3 code, not '" + office + "'");
        }
        if (!Files.isRegularFile(input)) {
            throw CliFailure.input(input + ": no such file");
        }
        MappingFile map = MappingFile.read(mapping);
        LocalDate producedOn = produced == null ? LocalDate.now() : produced;
        St37Conversion.Target target = to == To.st37_xml ? St37Conversion.Target.ST37_XML : St37Conversion.Target.ST37_CSV;
        boolean toStdout = output != null && output.toString().equals("-");
        Path file = output != null ? output : Path.of(code + "_AF_" + producedOn.format(DateTimeFormatter.BASIC_ISO_DATE)
                + (target == St37Conversion.Target.ST37_XML ? ".xml" : ".csv"));
        long started = System.nanoTime();
        St37Conversion.Result result;
        try (OutputStream entries = toStdout ? new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 16)
                : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream definitions = toStdout || target == St37Conversion.Target.ST37_XML ? null
                     : Files.newOutputStream(definitionFile(file))) {
            result = new St37Conversion().convert(new St37Conversion.Request(input, map, code, target, producedOn),
                    new St37Conversion.Destination(entries, Optional.ofNullable(definitions)));
        } catch (IOException | RuntimeException e) {
            throw Failures.about(input.toString(), e);
        }
        report(result, toStdout ? "standard output" : file.toString(), started);
        return result.rejected() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** {@code EP_AF_20261203.csv} → {@code EP_AF_20261203-definitions.csv}. */
    static Path definitionFile(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return csv.resolveSibling(stem + "-definitions.csv");
    }

    /** On stderr: stdout may be the converted file itself. */
    private void report(St37Conversion.Result result, String where, long started) {
        PrintWriter err = spec.commandLine().getErr();
        for (ProblemError error : result.errors()) {
            err.printf("%s:%d: left out: %s%n", input, error.line(), error.message());
        }
        err.printf(Locale.ROOT, "wrote %s: %,d entries from %,d rows (%,d left out) in %.1f s%n", where, result.written(),
                result.read(), result.rejected(), (System.nanoTime() - started) / 1e9);
        err.flush();
    }

    static final class DateConverter implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.DateTimeException e) {
                throw new picocli.CommandLine.TypeConversionException("expected a date YYYY-MM-DD, not '" + value + "'");
            }
        }
    }

    static final class ToConverter implements picocli.CommandLine.ITypeConverter<To> {
        @Override
        public To convert(String value) {
            try {
                return To.valueOf(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected st37-xml or st37-csv, not '" + value + "'");
            }
        }
    }
}
