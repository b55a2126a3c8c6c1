package org.ipdex.authority.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a killed process left in the spool directory goes at the next start; a live neighbour's uploads stay. */
class UploadSpoolTest {

    @Test
    void atStartUpTheUploadsOfProcessesThatNoLongerRunAreDeleted(@TempDir Path directory) throws Exception {
        long own = ProcessHandle.current().pid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        long dead = exitedProcess();
        for (String name : Set.of("upload-" + own + "-1.bin", "upload-" + dead + "-2.bin", "upload-" + live + "-3.bin",
                "notes.txt")) {
            Files.writeString(directory.resolve(name), "x");
        }

        spool(directory).removeLeftovers();

        // a file with this process's own pid is a predecessor's: in a container every incarnation is pid 1
        assertEquals(Set.of("upload-" + live + "-3.bin", "notes.txt"), names(directory));
    }

    @Test
    void aSpooledUploadCarriesThePidOfItsProcess(@TempDir Path directory) throws IOException {
        SpooledFile file = spool(directory).receive(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals(3, file.size());
        String name = file.path().getFileName().toString();
        assertTrue(name.startsWith("upload-" + ProcessHandle.current().pid() + "-"), name);
    }

    private static UploadSpool spool(Path directory) {
        return new UploadSpool(new IngestProperties(0.01, 1000, 1 << 20, 1 << 20, 200, directory.toString(), 3, null,
                Duration.ofHours(24)));
    }

    private static long exitedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
