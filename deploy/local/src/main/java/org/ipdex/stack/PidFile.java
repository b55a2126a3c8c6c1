package org.ipdex.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A pid file that remembers when its process started. After a reboot, or days later, the same pid can belong to
 * somebody else's process; {@code stop} must never kill that, so a pid only counts while the process holding it
 * started at the recorded instant.
 */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + "\n" + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The live process the file names, if it is still the one that wrote it. */
    static Optional<ProcessHandle> live(Path file) {
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        Optional<Instant> recorded;
        try {
            recorded = lines.size() > 1 && !lines.get(1).isBlank()
                    ? Optional.of(Instant.parse(lines.get(1).strip())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> recorded.isEmpty() || recorded.equals(process.info().startInstant()));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is checked against the process table before use
        }
    }
}
