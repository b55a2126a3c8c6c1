package org.ipdex.cli.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.authority.ingest.IngestProperties;
import org.ipdex.authority.ingest.Readers;
import org.ipdex.authority.ingest.RecordSource;
import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void xmlOutputHoldsEveryRowAndRevalidatesClean() throws IOException {
        Path input = AuthorityFiles.officeCsv(dir, "EP", 5000);
        Path xml = dir.resolve("EP_AF.xml");
        Cli.Run run = Cli.run("authority", "convert", input.toString(), "--mapping", AuthorityFiles.mapping(dir, "EP").toString(),
                "--office", "EP", "--to", "st37-xml", "--produced", "2025-01-01", "-o", xml.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains("5,000 entries from 5,000 rows (0 left out)"), run.err());
        String head = Files.readString(xml).substring(0, 3000);
        assertTrue(head.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE authority-file SYSTEM \"ST37AuthorityFile_V2-2.dtd\">\n"
                + "<authority-file country=\"EP\" date-produced=\"20250101\" dtd-version=\"2.2\">"), head);
        assertTrue(head.contains("<authority-file-definition grouped-af-indicator=\"no\" update-af-category=\"full\">"), head);
        assertTrue(head.contains("<document-kind-code-definition><kind>A1</kind><document-kind-code-description>"
                + "Application published with search report</document-kind-code-description>"), head);
        assertTrue(head.contains("<kind-code-coverage><kind>A1</kind><document-total-quantity>"), head);

        JsonNode report = validate(xml);
        assertEquals("accepted", report.get("outcome").asText());
        assertEquals(5000, report.get("recordsRead").asLong());
        assertEquals(0, report.get("recordsRejected").asLong(), report.toString());
        assertEquals("file", report.get("definitionsFrom").asText());
        assertEquals(entries(input, "delimited"), entries(xml, "st37-xml"), "the same numbers, kinds and dates");
    }

    @Test
    void csvOutputWithItsDefinitionFileRevalidatesClean() throws IOException {
        Path input = AuthorityFiles.officeCsv(dir, "US", 2000);
        Path csv = dir.resolve("US_AF.csv");
        Cli.Run run = Cli.run("authority", "convert", input.toString(), "--mapping", AuthorityFiles.mapping(dir, "US").toString(),
                "--office", "US", "--to", "st37-csv", "-o", csv.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        Path definitions = dir.resolve("US_AF-definitions.csv");
        assertTrue(Files.readString(definitions).contains("kind;A1;Patent application publication"));
        Cli.Run check = Cli.run("authority", "validate", "--format", "json", "--definitions", definitions.toString(),
                csv.toString());
        assertEquals(ExitCodes.OK, check.code(), check.out() + check.err());
        JsonNode report = JSON.readTree(check.out());
        assertEquals(2000, report.get("recordsAccepted").asLong());
        assertEquals("given", report.get("definitionsFrom").asText());
    }

    @Test
    void rowsAnUploadWouldRefuseAreLeftOutAndListed() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), """
                kind,number,date,status
                A1,1000001,2020-01-01,
                A1,1000002,2020-13-45,
                Q9,1000003,2020-01-03,
                B1,1000004,2020-01-04,
                """);
        Path xml = dir.resolve("out.xml");
        Cli.Run run = Cli.run("authority", "convert", input.toString(), "--mapping", AuthorityFiles.mapping(dir, "EP").toString(),
                "--office", "EP", "--to", "st37-xml", "-o", xml.toString());
        assertEquals(ExitCodes.FINDINGS, run.code(), run.err());
        assertTrue(run.err().contains(input + ":3: left out: Bad publication date '2020-13-45'"), run.err());
        assertTrue(run.err().contains(input + ":4: left out: Kind code Q9 is not defined by office EP"), run.err());
        assertEquals(2, validate(xml).get("recordsAccepted").asLong());
    }

    @Test
    void aBadMappingIsOneLineAndExit3() throws IOException {
        Path input = AuthorityFiles.officeCsv(dir, "EP", 10);
        Path mapping = Files.writeString(dir.resolve("bad.yaml"), "columns: [kind, date]\n");
        Cli.Run run = Cli.run("authority", "convert", input.toString(), "--mapping", mapping.toString(), "--office", "EP",
                "--to", "st37-xml", "-o", dir.resolve("x.xml").toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("number, kind and date columns are required"), run.err());
        Cli.run("authority", "convert", input.toString(), "--mapping", mapping.toString(), "--office", "EPO",
                "--to", "st37-xml").assertOneLineError(ExitCodes.USAGE);
    }

    /**
     * Constant memory: a million rows through a JVM whose heap could not hold a tenth of them as objects (each entry
     * as strings and a record is over 200 bytes; 32 MB holds ~150,000). bench/cli/convert.sh does ten million.
     */
    @Test
    void aMillionRowsConvertInA32MegabyteHeap() throws Exception {
        Path input = AuthorityFiles.officeCsv(dir, "EP", 1_000_000);
        Path xml = dir.resolve("big.xml");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.ipdex.cli.Ipdex",
                "authority", "convert", input.toString(), "--mapping", AuthorityFiles.mapping(dir, "EP").toString(),
                "--office", "EP", "--to", "st37-xml", "--produced", "2025-01-01", "-o", xml.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("1,000,000 entries from 1,000,000 rows"), output);
        assertEquals(1_000_000, validate(xml).get("recordsAccepted").asLong());
    }

    private static JsonNode validate(Path file) throws IOException {
        Cli.Run run = Cli.run("authority", "validate", "--format", "json", file.toString());
        return JSON.readTree(run.out());
    }

    /** number|kind|date of every entry, read back with the service's own readers. */
    private Set<String> entries(Path file, String layout) throws IOException {
        Set<String> entries = new HashSet<>();
        var mapping = layout.equals("delimited") ? MappingFile.read(dir.resolve("map.yaml")).columns() : null;
        try (RecordSource source = Readers.standalone(IngestProperties.defaults()).openLocal(layout, file, mapping)) {
            while (source.advance()) {
                var raw = source.current();
                entries.add(raw.number() + "|" + raw.kind() + "|" + raw.date().replace("-", ""));
            }
        }
        return entries;
    }
}
