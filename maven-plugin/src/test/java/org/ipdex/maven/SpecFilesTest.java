package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfSpecsIsOneSpecPerEntryInNameOrderWithoutHiddenOrOtherFiles() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("b-register.yaml"), "openapi: 3.0.3");
        Files.writeString(specs.resolve("a-legal-status.json"), "{}");
        Files.createDirectories(specs.resolve("c-bundle"));
        Files.write(specs.resolve("d-bundle.zip"), new byte[] {'P', 'K'});
        Files.writeString(specs.resolve("README.md"), "not a spec");
        Files.createDirectories(specs.resolve(".git"));
        Path single = Files.writeString(dir.resolve("main.yml"), "openapi: 3.0.3");

        List<Path> selected = SpecFiles.select(single.toFile(), specs.toFile());

        assertEquals(List.of(single, specs.resolve("a-legal-status.json"), specs.resolve("b-register.yaml"),
                specs.resolve("c-bundle"), specs.resolve("d-bundle.zip")), selected);
    }

    @Test
    void neitherSpecNorSpecsIsAConfigurationError() {
        MojoExecutionException error = assertThrows(MojoExecutionException.class, () -> SpecFiles.select(null, null));
        assertTrue(error.getMessage().contains("<spec>") && error.getMessage().contains("<specs>"), error.getMessage());
    }

    @Test
    void aSpecsFolderWithoutSpecsFailsTheBuild() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no spec here");
        MojoFailureException error = assertThrows(MojoFailureException.class, () -> SpecFiles.select(null, empty.toFile()));
        assertTrue(error.getMessage().contains("holds no spec"), error.getMessage());
        MojoFailureException notAFolder = assertThrows(MojoFailureException.class,
                () -> SpecFiles.select(null, empty.resolve("notes.txt").toFile()));
        assertTrue(notAFolder.getMessage().contains("must be a folder"), notAFolder.getMessage());
    }
}
