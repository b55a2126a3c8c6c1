package org.ipdex.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The Elasticsearch server that Maven resolved from Central, unpacked once and shared read-only. */
final class Distribution {

    private Distribution() {
    }

    static String version() {
        return properties().getProperty("elasticsearch.version");
    }

    /** Unpacks the distribution under {@code cacheRoot} unless it is there already, and returns its home. */
    static Path unpacked(Path cacheRoot) {
        Path home = cacheRoot.resolve("elasticsearch-" + version());
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path zip = Paths.get(System.getenv().getOrDefault("IPDEX_ES_DISTRIBUTION",
                properties().getProperty("elasticsearch.distribution")));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch distribution not found at " + zip
                    + " (it is resolved by building deploy/local with ./mvnw)");
        }
        // unpack beside the target and rename, so two JVMs starting at once never see half a distribution
        Path staging = cacheRoot.resolve(".unpack-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            unzip(zip, staging);
            try (var bin = Files.list(staging.resolve(home.getFileName()).resolve("bin"))) {
                bin.forEach(file -> file.toFile().setExecutable(true, false));
            }
            Files.move(staging.resolve(home.getFileName()), home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
                throw new UncheckedIOException("Could not unpack " + zip, e);
            }
        } finally {
            Files2.deleteTree(staging);
        }
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry outside the archive root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    private static Properties properties() {
        try (InputStream in = Distribution.class.getResourceAsStream("/ipdex-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
