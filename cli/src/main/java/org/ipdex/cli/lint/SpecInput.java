package org.ipdex.cli.lint;

import org.ipdex.catalog.spec.Bundle;
import org.ipdex.catalog.spec.BundleReader;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecLimits;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Failures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a spec as the catalogue reads an upload: one JSON/YAML file, a zip bundle, or a folder (read like the same
 * files sent as a multipart bundle), with the same limits and the same parser. The size is checked before a byte
 * is read, so a 2 GB file is refused at once instead of filling the heap.
 */
public final class SpecInput {

    /**
     * @param spec      the parsed spec
     * @param linesFile the file its line numbers refer to: the file itself, or a bundle's main file
     */
    public record Read(Path input, ParsedSpec spec, Path linesFile) {
    }

    private final SpecLimits limits;
    private final SpecParser parser;
    private final BundleReader bundles;

    public SpecInput() {
        this.limits = SpecLimits.defaults();
        this.parser = new SpecParser();
        this.bundles = new BundleReader(limits);
    }

    /** @param main a bundle's root file when more than one file could be it */
    public Read read(Path input, Optional<String> main) {
        String subject = input.toString();
        try {
            if (Files.isDirectory(input)) {
                Map<String, byte[]> files = folder(input);
                return bundle(input, bundles.readParts(files, main.orElse(null)));
            }
            long size = Files.size(input);
            if (size > limits.maxSpecSize()) {
                throw CliFailure.input(subject + ": " + megabytes(size) + " is more than a spec may be ("
                        + megabytes(limits.maxSpecSize()) + ", as on upload)");
            }
            byte[] bytes = Files.readAllBytes(input);
            if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
                return bundle(input, bundles.readZip(bytes, main.orElse(null)));
            }
            return new Read(input, parser.parse(bytes), input);
        } catch (IOException | RuntimeException e) {
            throw Failures.about(subject, e);
        }
    }

    private Read bundle(Path input, Bundle bundle) {
        ParsedSpec spec = parser.parse(bundle);
        return new Read(input, spec, mainFile(input, bundle, spec));
    }

    /**
     * The parser picks a bundle's root without naming it; its text is the one the spec's lines come from, so the
     * file holding that text is the one findings are placed in (for a zip, the zip itself).
     */
    private static Path mainFile(Path input, Bundle bundle, ParsedSpec spec) {
        if (!Files.isDirectory(input) || spec.originalText() == null) {
            return input;
        }
        return bundle.files().entrySet().stream()
                .filter(file -> stripBom(new String(file.getValue(), StandardCharsets.UTF_8)).equals(stripBom(spec.originalText())))
                .map(file -> input.resolve(file.getKey())).findFirst().orElse(input);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The folder's JSON and YAML files by relative path; hidden folders (.git) are not part of a spec. */
    private Map<String, byte[]> folder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(root, 16)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(SpecInput::isSpecFile)
                    .filter(file -> !hidden(root.relativize(file))).toList()) {
                total += Files.size(file);
                if (total > limits.maxSpecSize() || files.size() >= limits.maxBundleFiles()) {
                    throw CliFailure.input(root + ": more than a bundle may hold (" + limits.maxBundleFiles()
                            + " files, " + megabytes(limits.maxSpecSize()) + ")");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    files.put(root.relativize(file).toString().replace('\\', '/'), in.readAllBytes());
                }
            }
        }
        if (files.isEmpty()) {
            throw CliFailure.input(root + ": holds no JSON or YAML file");
        }
        return files;
    }

    private static boolean isSpecFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes >= 1L << 30 ? "%.1f GB" : "%.1f MB",
                bytes / (double) (bytes >= 1L << 30 ? 1L << 30 : 1L << 20));
    }
}
