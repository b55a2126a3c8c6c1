package org.ipdex.testdata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Command line for benchmarks and people:
 * <pre>
 * java -jar testdata.jar --layout epo-csv|uspto-tsv|st37-xml|baseline-csv|collection|definitions
 *      --office EP --records 1000000 --out FILE [--gzip] [--seed 1] [--produced 2025-01-01]
 *      [--category full] [--missing 2.5] [--extra 1]
 * </pre>
 * The same office, records, seed and production date always give the same entries in every layout, so the
 * baseline CSV holds exactly the rows of the layout files.
 */
public final class Generate {

    public static final LocalDate DEFAULT_PRODUCED = LocalDate.of(2025, 1, 1);

    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        String layout = options.getOrDefault("layout", "epo-csv");
        String office = options.getOrDefault("office", layout.equals("uspto-tsv") ? "US" : "EP");
        long records = Long.parseLong(options.getOrDefault("records", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        LocalDate produced = LocalDate.parse(options.getOrDefault("produced", DEFAULT_PRODUCED.toString()));
        Path out = Path.of(options.getOrDefault("out", layout + ".out"));
        boolean gzip = options.containsKey("gzip");
        long started = System.nanoTime();
        try (OutputStream stream = open(out, gzip)) {
            RecordGenerator generator = new RecordGenerator(office, records, seed, produced);
            switch (layout) {
                case "collection" -> System.out.println(CollectionWriter.write(generator,
                        Double.parseDouble(options.getOrDefault("missing", "2")),
                        Double.parseDouble(options.getOrDefault("extra", "1")), seed, stream));
                case "definitions" -> stream.write(AuthorityFileWriter.definitionCsv(office)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> AuthorityFileWriter.write(Layout.of(layout), office, produced,
                        options.getOrDefault("category", "full"), generator, stream);
            }
        }
        System.err.printf("wrote %s (%s, %d records) in %.1f s%n", out, layout, records,
                (System.nanoTime() - started) / 1e9);
    }

    private static OutputStream open(Path out, boolean gzip) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        return gzip ? new GZIPOutputStream(file, 1 << 16) : file;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
