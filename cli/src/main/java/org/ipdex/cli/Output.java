package org.ipdex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Where a report goes: standard output, or the file of {@code --output} (a SARIF file for the CI upload step). */
public final class Output {

    private Output() {
    }

    public static void to(Optional<Path> file, PrintWriter stdout, Consumer<PrintWriter> report) {
        if (file.isEmpty() || file.get().toString().equals("-")) {
            report.accept(stdout);
            stdout.flush();
            return;
        }
        toFile(file.get(), report);
    }

    /** Writes the report to this file (UTF-8), replacing it; the Maven plugin's reports under target/ipdex too. */
    public static void toFile(Path file, Consumer<PrintWriter> report) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(writer)) {
            report.accept(out);
        } catch (IOException e) {
            throw CliFailure.input(file + ": cannot be written (" + e.getMessage() + ")");
        }
    }
}
