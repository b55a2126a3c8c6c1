package org.ipdex.authority.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XML reader alone: entries, header, deletions, and where a broken file breaks. */
@Timeout(20)
class XmlReaderTest {

    private final St37XmlReader reader = new St37XmlReader();

    @Test
    void readsHeaderDefinitionsAndOnlyThePublicationsOwnNumber() throws IOException {
        try (RecordSource source = reader.open(new ByteArrayInputStream(resource("ep-v2.xml")), null)) {
            assertEquals("EP", source.header().office().orElseThrow());
            assertEquals(UpdateCategory.FULL, source.header().category().orElseThrow());
            assertEquals("Withdrawn before publication", source.header().definitions().exceptionCodes().get("W"));
            assertEquals(3, source.header().definitions().kinds().size());
            List<RawRecord> entries = all(source);
            assertEquals(5, entries.size());
            assertEquals(new RawRecord(entries.get(0).line(), "EP", "1000000", "A1", "20000105", "", false), entries.get(0));
            assertEquals("W", entries.get(3).exceptionCode());
        }
    }

    @Test
    void aDeletionIsAnEntryMarkedActionDelete() throws IOException {
        String xml = "<authority-file country=\"EP\"><authority-file-definition update-af-category=\"differential\"/>"
                + "<authority-file-entry action=\"delete\"><publication-reference><document-id><country>EP</country>"
                + "<doc-number>1</doc-number><kind>A1</kind></document-id></publication-reference></authority-file-entry>"
                + "</authority-file>";
        try (RecordSource source = reader.open(new ByteArrayInputStream(xml.getBytes()), null)) {
            assertEquals(UpdateCategory.DIFFERENTIAL, source.header().category().orElseThrow());
            assertTrue(all(source).get(0).delete());
        }
    }

    @Test
    void aFileCutOffMidRecordFailsAtItsEnd() throws IOException {
        try (RecordSource source = reader.open(new ByteArrayInputStream(resource("ep-cut.xml")), null)) {
            assertTrue(source.advance());
            MalformedFileException broken = assertThrows(MalformedFileException.class, source::advance);
            assertEquals(4, broken.line(), broken.getMessage());
        }
    }

    /** Found by IngestFuzzTest: the encoding error came without a location and was refused as "line 0". */
    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<authority-file country=\"EP\">\n"
                + "<authority-file-entry><publication-reference><document-id><country>EP</country>\n<doc-number>")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = java.util.Arrays.copyOf(head, head.length + 3);
        file[head.length] = (byte) 0xC3; // a lead byte followed by no continuation
        file[head.length + 1] = '1';
        file[head.length + 2] = '<';
        MalformedFileException broken = assertThrows(MalformedFileException.class, () -> {
            try (RecordSource source = reader.open(new ByteArrayInputStream(file), null)) {
                all(source);
            }
        });
        // Woodstox decodes a block ahead of the parse, so the line is where the parser stood when the block was decoded:
        // at or before the bad bytes, never "line 0"
        assertTrue(broken.line() >= 1 && broken.line() <= 4, broken.line() + ": " + broken.getMessage());
        assertTrue(broken.getMessage().contains("UTF-8"), broken.getMessage());

        byte[] found;
        try (var in = getClass().getResourceAsStream("IngestFuzzTestInputs/st37Xml/not-utf8-in-the-prolog.xml")) {
            found = in.readAllBytes();
        }
        MalformedFileException inTheProlog = assertThrows(MalformedFileException.class,
                () -> reader.open(new ByteArrayInputStream(found), null));
        assertTrue(inTheProlog.line() >= 1, inTheProlog.getMessage());
    }

    private static List<RawRecord> all(RecordSource source) throws IOException {
        List<RawRecord> entries = new ArrayList<>();
        while (source.advance()) {
            entries.add(source.current());
        }
        return entries;
    }
}
