package org.ipdex.catalog.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The shared corpus (../shared/corpus/openapi) for tests and benchmarks: the APIs.guru sample read straight from its
 * tar.gz, plus the single-file office specs. Empty when the corpus is not checked out beside the project.
 */
public final class CorpusSpecs {

    private CorpusSpecs() {
    }

    /** {@code IPDEX_CORPUS} when set, else {@code shared/} beside the checkout (from the module or the root). */
    public static Path root() {
        String configured = System.getenv("IPDEX_CORPUS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("../shared/corpus/openapi"), Path.of("../../shared/corpus/openapi"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/corpus/openapi");
    }

    public static boolean available() {
        return Files.isRegularFile(root().resolve("apis-guru-sample.tar.gz"));
    }

    /** Name → content, in a stable order. */
    public static Map<String, byte[]> all() throws IOException {
        Map<String, byte[]> specs = new LinkedHashMap<>();
        if (!available()) {
            return specs;
        }
        specs.putAll(apisGuru());
        for (String office : List.of("epo-ops/ops-swagger2.yaml", "dpma-connect-plus/openapi.yaml")) {
            specs.put(office, Files.readAllBytes(root().resolve(office)));
        }
        return specs;
    }

    public static Map<String, byte[]> apisGuru() throws IOException {
        Map<String, byte[]> specs = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(root().resolve("apis-guru-sample.tar.gz")))) {
            for (TarEntry entry : readTar(in)) {
                specs.put(entry.name(), entry.content());
            }
        }
        return specs;
    }

    private record TarEntry(String name, byte[] content) {
    }

    /** A ustar reader for regular files only; enough for the sample and keeps commons-compress off the classpath. */
    private static List<TarEntry> readTar(InputStream in) throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            byte type = header[156];
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if ((type == '0' || type == 0) && !name.endsWith("/")) {
                entries.add(new TarEntry(prefix.isEmpty() ? name : prefix + "/" + name, content));
            }
        }
        return entries;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
