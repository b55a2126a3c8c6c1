package org.ipdex.cli.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.cli.Cli;
import org.ipdex.cli.ExitCodes;
import org.ipdex.testdata.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generatedFilesOfEveryLayoutAreAccepted() throws IOException {
        for (Layout layout : new Layout[] {Layout.ST37_XML, Layout.EPO_CSV, Layout.USPTO_TSV}) {
            String office = layout == Layout.USPTO_TSV ? "US" : "EP";
            Path file = AuthorityFiles.layout(dir, layout, office, 3000, layout == Layout.ST37_XML);
            Cli.Run run = Cli.run("authority", "validate", "--format", "json", file.toString());
            assertEquals(ExitCodes.OK, run.code(), layout + ": " + run.err() + run.out());
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertEquals("accepted", report.get("outcome").asText());
            assertEquals(3000, report.get("recordsRead").asLong());
            assertEquals(0, report.get("recordsRejected").asLong(), run.out());
        }
    }

    @Test
    void recordErrorsAreListedWithTheirLinesAndTheThresholdDecides() throws IOException {
        Path file = Files.writeString(dir.resolve("ep.csv"), """
                country;doc-number;kind;date;exception-code
                EP;1000001;A1;20200101;
                EP;1000002;A1;20201345;
                EP;1000003;A1;20200103;
                EP;1000001;A1;20200101;
                EP;1000005;B1;20990101;
                EP;1000006;A1;20200106;
                """);
        Cli.Run strict = Cli.run("authority", "validate", file.toString());
        assertEquals(ExitCodes.FINDINGS, strict.code(), strict.out());
        assertTrue(strict.out().contains(file + ":3: Bad publication date '20201345'"), strict.out());
        assertTrue(strict.out().contains(file + ":5: Duplicate of line 2: EP1000001A1"), strict.out());
        assertTrue(strict.out().contains(file + ":6: Publication date 2099-01-01 is in the future"), strict.out());
        assertTrue(strict.out().contains("REJECTED: 6 entries read, 3 accepted, 3 with errors"), strict.out());
        Cli.Run lenient = Cli.run("authority", "validate", "--max-error-rate", "0.6", file.toString());
        assertEquals(ExitCodes.OK, lenient.code(), lenient.out());
        assertTrue(lenient.out().contains("ACCEPTED"), lenient.out());
    }

    @Test
    void definitionsOfTheFileOrGivenOnesAreCheckedAgainst() throws IOException {
        Path file = Files.writeString(dir.resolve("ep.csv"), "EP;1000001;A1;20200101;\nEP;1000002;Z7;20200102;\n");
        Path definitions = Files.writeString(dir.resolve("defs.csv"), "type;code;description\nkind;A1;Application\n");
        Cli.Run run = Cli.run("authority", "validate", "--max-error-rate", "1", "--definitions", definitions.toString(),
                file.toString());
        assertTrue(run.out().contains(file + ":2: Kind code Z7 is not defined by office EP"), run.out());
        assertTrue(run.out().contains("the definitions given"), run.out());
    }

    @Test
    void aFileOfAnotherOfficeIsRefused() throws IOException {
        Path file = AuthorityFiles.layout(dir, Layout.ST37_XML, "EP", 10, false);
        Cli.Run run = Cli.run("authority", "validate", "--office", "US", file.toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("authority file of office EP, not US"), run.err());
    }

    @Test
    void xmlThatIsNotSt37IsOneLineAndExit3() throws IOException {
        Path file = Files.writeString(dir.resolve("books.xml"), "<?xml version=\"1.0\"?>\n<catalog>\n  <book/>\n</catalog>\n");
        Cli.Run run = Cli.run("authority", "validate", file.toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("books.xml:2:"), run.err());
        assertTrue(run.err().contains("root element is <catalog>, not <authority-file>"), run.err());
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        Path file = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE authority-file [<!ENTITY xxe SYSTEM "%s">]>
                <authority-file country="EP">
                <authority-file-entry><publication-reference><document-id><country>EP</country>
                <doc-number>&xxe;</doc-number><kind>A1</kind><date>20200101</date></document-id></publication-reference>
                </authority-file-entry>
                </authority-file>
                """.formatted(secret.toUri()));
        Cli.Run run = Cli.run("authority", "validate", "--format", "json", file.toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertFalse(run.err().contains("TOPSECRET") || run.out().contains("TOPSECRET"), run.err() + run.out());
        assertTrue(run.err().contains("xxe.xml:5"), run.err());
    }

    @Test
    void textThatIsNotUtf8IsOneLineAndExit3() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "EP;1000001;A1;20200101;\nEP;1000002;A1;20200102;caf\u00e9\n".getBytes("ISO-8859-1"));
        Cli.Run run = Cli.run("authority", "validate", file.toString());
        run.assertOneLineError(ExitCodes.INPUT);
        assertTrue(run.err().contains("latin1.csv:2: Not UTF-8"), run.err());
    }

    @Test
    void aMissingOrEmptyFileIsOneLineAndExit3() throws IOException {
        Cli.run("authority", "validate", dir.resolve("none.xml").toString()).assertOneLineError(ExitCodes.INPUT);
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Cli.run("authority", "validate", "--layout", "epo-csv", empty.toString()).assertOneLineError(ExitCodes.INPUT);
    }
}
