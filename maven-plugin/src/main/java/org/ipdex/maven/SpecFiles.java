package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The specs a goal works on: {@code <spec>} (a JSON or YAML file, a zip bundle, or a folder read as one bundle, as
 * {@code ipdex lint} reads its argument) and/or every entry of {@code <specs>}, a folder holding one spec per entry
 * — so an office with several APIs lists the folder once instead of each file.
 */
final class SpecFiles {

    private SpecFiles() {
    }

    static List<Path> select(File spec, File specs) throws MojoExecutionException, MojoFailureException {
        if (spec == null && specs == null) {
            throw new MojoExecutionException("Set <spec> (a spec file, zip bundle or folder) or <specs> (a folder "
                    + "with one spec per file, zip or sub-folder)");
        }
        List<Path> selected = new ArrayList<>();
        if (spec != null) {
            selected.add(spec.toPath());
        }
        if (specs != null) {
            selected.addAll(entries(specs.toPath()));
        }
        return selected;
    }

    /** The folder's specs in name order; hidden entries (.git, editor files) are not specs. */
    private static List<Path> entries(Path folder) throws MojoFailureException {
        if (!Files.isDirectory(folder)) {
            throw new MojoFailureException(folder + ": <specs> must be a folder");
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> entries = list.filter(SpecFiles::isSpec).sorted().toList();
            if (entries.isEmpty()) {
                throw new MojoFailureException(folder + ": holds no spec (.yaml, .yml, .json, .zip or a folder)");
            }
            return entries;
        } catch (IOException e) {
            throw new MojoFailureException(folder + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isSpec(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        return Files.isDirectory(entry) || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.endsWith(".zip");
    }
}
