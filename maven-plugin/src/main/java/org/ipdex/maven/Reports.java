package org.ipdex.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Output;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A goal's report file under {@code target/ipdex}, written by the CLI's own writers ({@link Output}). */
final class Reports {

    private Reports() {
    }

    static Path write(File directory, String name, Consumer<PrintWriter> report) throws MojoFailureException {
        Path file = directory.toPath().resolve(name);
        try {
            Files.createDirectories(directory.toPath());
            Output.toFile(file, report);
            return file;
        } catch (IOException | CliFailure e) {
            throw new MojoFailureException(file + ": the report cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
