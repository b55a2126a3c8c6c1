package org.ipdex.cli;

import org.ipdex.authority.ingest.MalformedFileException;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.ipdex.common.problem.ProblemError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Turns whatever the services' code throws into one line and an exit code. The services answer the same errors
 * with problem documents (line, column, pointer); here they become {@code file:line:column: message}, the form
 * editors and CI logs link to.
 */
public final class Failures {

    private Failures() {
    }

    /** @param subject the file being read, named in the message */
    public static CliFailure about(String subject, Throwable error) {
        if (error instanceof CliFailure failure) {
            return failure;
        }
        if (error instanceof UncheckedIOException unchecked) {
            return about(subject, unchecked.getCause());
        }
        if (error instanceof MalformedFileException malformed) {
            return CliFailure.input(place(subject, malformed.line(), malformed.column()) + ": " + malformed.getMessage());
        }
        if (error instanceof PayloadTooLargeException tooLarge) {
            return CliFailure.input(subject + ": too large: " + tooLarge.getMessage());
        }
        if (error instanceof ApiException problem) {
            return CliFailure.input(located(subject, problem.getMessage(), problem.errors()));
        }
        if (error instanceof NoSuchFileException) {
            return CliFailure.input(subject + ": no such file or directory");
        }
        if (error instanceof AccessDeniedException) {
            return CliFailure.input(subject + ": permission denied");
        }
        if (error instanceof IOException io) {
            return CliFailure.input(subject + ": cannot be read (" + io.getMessage() + ")");
        }
        if (error instanceof OutOfMemoryError) {
            return new CliFailure(ExitCodes.INTERNAL, subject + ": ran out of memory; give the JVM more with "
                    + "IPDEX_JAVA_OPTS=-Xmx2g");
        }
        return new CliFailure(ExitCodes.INTERNAL, "internal error while reading " + subject + " ("
                + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage())
                + "); please report it to the ipdex maintainers");
    }

    /** The first error's place (line, or JSON pointer) in front of the message, when the problem has one. */
    private static String located(String subject, String message, List<ProblemError> errors) {
        for (ProblemError error : errors) {
            if (error.line() != null) {
                return place(subject, error.line(), error.column()) + ": " + message;
            }
            if (error.pointer() != null && !error.pointer().isEmpty()) {
                return subject + ": " + message + " (at " + error.pointer() + ")";
            }
        }
        return subject + ": " + message;
    }

    private static String place(String subject, long line, Integer column) {
        if (line <= 0) {
            return subject;
        }
        return subject + ":" + line + (column == null ? "" : ":" + column);
    }

    /** One line: a message from a library may hold line breaks. */
    public static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
