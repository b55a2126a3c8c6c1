package org.ipdex.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PidFileTest {

    @TempDir
    Path run;

    @Test
    void aLiveProcessIsFoundByItsPidFile() {
        Path file = run.resolve("me.pid");
        PidFile.write(file, ProcessHandle.current());
        assertEquals(ProcessHandle.current().pid(), PidFile.live(file).orElseThrow().pid());
    }

    @Test
    void aPidNowHeldByAProcessThatStartedAtAnotherTimeIsNotOurs() throws Exception {
        Path file = run.resolve("reused.pid");
        Files.writeString(file, ProcessHandle.current().pid() + "\n" + Instant.parse("2020-01-01T00:00:00Z") + "\n");
        assertTrue(PidFile.live(file).isEmpty(), "a reused pid must not be taken for the process that wrote the file");
    }

    @Test
    void aProcessThatHasExitedIsNotFound() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Path file = run.resolve("exited.pid");
        PidFile.write(file, exited.toHandle());
        assertTrue(PidFile.live(file).isEmpty());
    }

    @Test
    void missingOrGarbledFilesNameNoProcess() throws Exception {
        assertTrue(PidFile.live(run.resolve("missing.pid")).isEmpty());
        Path garbled = run.resolve("garbled.pid");
        Files.writeString(garbled, "1\nnot an instant\n");
        assertTrue(PidFile.live(garbled).isEmpty());
        Files.writeString(garbled, "-1\n");
        assertTrue(PidFile.live(garbled).isEmpty());
    }

    @Test
    void deletingRemovesTheFile() {
        Path file = run.resolve("gone.pid");
        PidFile.write(file, ProcessHandle.current());
        PidFile.delete(file);
        assertFalse(Files.exists(file));
    }
}
