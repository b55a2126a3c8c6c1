package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh temporary folder holding a bundle's files, for swagger-parser, which resolves relative references
 * only through its own file loader. Each file is written as the JSON of the tree we already read and checked,
 * never as the uploaded text, so the parser reads nothing our limits did not see. Deleted on close.
 */
final class BundleDirectory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private BundleDirectory(Path root) {
        this.root = root;
    }

    static BundleDirectory write(Map<String, Document> documents) {
        try {
            BundleDirectory directory = new BundleDirectory(Files.createTempDirectory("ipdex-bundle-"));
            for (Document document : documents.values()) {
                Path file = directory.resolve(document.name());
                Files.createDirectories(file.getParent());
                JSON.writeValue(file.toFile(), document.tree());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack a bundle", e);
        }
    }

    String uri(String name) {
        return resolve(name).toUri().toString();
    }

    private Path resolve(String name) {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            // BundleReader already refuses such names; this guards against a future caller that does not
            throw new IllegalArgumentException("Bundle path outside its folder: " + name);
        }
        return file;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
