package org.ipdex.cli.authority;

import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.GeneratedRecord;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.OfficeCodes;
import org.ipdex.testdata.RecordGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/** Generated authority files (the testdata module's generator) and an office's own delimited layout with its mapping. */
final class AuthorityFiles {

    static final LocalDate PRODUCED = LocalDate.of(2025, 1, 1);

    private AuthorityFiles() {
    }

    static Path layout(Path dir, Layout layout, String office, long records, boolean gzip) throws IOException {
        Path file = dir.resolve(office + "." + layout.id() + (gzip ? ".gz" : ""));
        try (OutputStream plain = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(plain) : plain) {
            AuthorityFileWriter.write(layout, office, PRODUCED, "full", new RecordGenerator(office, records, 1, PRODUCED), out);
        }
        return file;
    }

    /** An office's own export: comma-separated, ISO dates, a header row, columns in an order no named layout has. */
    static Path officeCsv(Path dir, String office, long records) throws IOException {
        Path file = dir.resolve(office + "-export.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("kind,publication number,published,status\n");
            RecordGenerator generator = new RecordGenerator(office, records, 7, PRODUCED);
            while (generator.hasNext()) {
                GeneratedRecord record = generator.next();
                out.write(record.kind() + "," + record.number() + "," + record.date() + "," + record.exceptionCode() + "\n");
            }
        }
        return file;
    }

    static Path mapping(Path dir, String office) throws IOException {
        return Files.writeString(dir.resolve("map.yaml"), """
                # the export's columns, in file order
                columns: [kind, number, date, exceptionCode]
                delimiter: ","
                header: true
                category: full
                kinds:
                %s
                exceptionCodes:
                %s
                """.formatted(yaml(OfficeCodes.kinds(office)), yaml(OfficeCodes.exceptions(office))));
    }

    private static String yaml(Map<String, String> codes) {
        return codes.entrySet().stream().map(e -> "  " + e.getKey() + ": \"" + e.getValue() + "\"")
                .collect(Collectors.joining("\n"));
    }
}
