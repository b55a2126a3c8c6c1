package org.ipdex.authority.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ipdex.common.number.PublicationNumber;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of everything an uploaded authority file passes through before it is stored: decompression, each
 * layout's reader, the header detection of delimited files and the record validator. The property: a file either
 * yields records or is refused with {@link MalformedFileException} saying where (a line, for the readers), or with
 * {@link PayloadTooLargeException} for a bomb. Any other exception — or an error such as OutOfMemoryError or
 * StackOverflowError — is a finding. A plain {@code verify} replays the inputs in
 * {@code IngestFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (see bench/fuzz/run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestFuzzTest {

    /** Far below the real limits, so that a bomb is caught within a fuzzing run's memory. */
    private static final IngestProperties LIMITS = new IngestProperties(0.01, 10, 1 << 20, 1 << 20, 200, null, 3,
            List.of(), Duration.ofHours(24));
    /** Caps what one input may make a reader produce: memory and time per execution stay bounded. */
    private static final int MAX_RECORDS = 100_000;

    private final St37XmlReader xml = new St37XmlReader();
    private final Unpacker unpacker = new Unpacker(LIMITS);
    private final Path upload;

    IngestFuzzTest() throws IOException {
        upload = Files.createTempFile("ingest-fuzz", ".bin");
    }

    @AfterAll
    void deleteUpload() throws IOException {
        Files.deleteIfExists(upload);
    }

    @FuzzTest
    void st37Xml(byte[] file) throws IOException {
        readAll(xml, file, null);
    }

    @FuzzTest
    void epoCsv(byte[] file) throws IOException {
        readAll(new EpoCsvReader(), file, null);
    }

    @FuzzTest
    void usptoTsv(byte[] file) throws IOException {
        readAll(new UsptoTsvReader(), file, null);
    }

    /** Line 1 declares the mapping as {@code columns<TAB>delimiter<TAB>header}; the rest is the file. */
    @FuzzTest
    void delimited(byte[] input) throws IOException {
        int newline = indexOf(input, (byte) '\n');
        String[] declared = new String(input, 0, newline, StandardCharsets.UTF_8).split("\t", -1);
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.parse(declared[0], declared.length > 1 ? declared[1] : null,
                    declared.length > 2 ? declared[2] : null);
        } catch (InvalidInputException refused) {
            assertTrue(!refused.errors().isEmpty() && refused.errors().get(0).parameter() != null,
                    "a refused mapping names its parameter");
            return;
        }
        byte[] file = java.util.Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        readAll(new MappedDelimitedReader(), file, mapping);
    }

    /** Plain, gzip or zip as the upload came; the content is read as the EPO CSV. */
    @FuzzTest
    void compressed(byte[] file) throws IOException {
        Files.write(upload, file);
        InputStream in;
        try {
            in = unpacker.open(upload);
        } catch (MalformedFileException | PayloadTooLargeException refused) {
            return;
        }
        try (RecordSource source = new EpoCsvReader().open(in, null)) {
            drain(source);
        } catch (MalformedFileException | PayloadTooLargeException refused) {
            // the archive's own errors carry no line; the reader's do, checked by the other targets
        }
    }

    /**
     * {@code number<TAB>kind} of an EP record: the ingest's fast path must give what the normaliser gives, or the
     * same document would get two keys depending on how its number was written.
     */
    @FuzzTest
    void plainNumbers(byte[] input) {
        String[] fields = new String(input, StandardCharsets.UTF_8).split("\t", 2);
        String number = fields[0];
        String kind = fields.length > 1 ? fields[1].toUpperCase(java.util.Locale.ROOT) : "A1";
        PlainNumbers.numberKey("EP", number, kind).ifPresent(key -> assertEquals(
                PublicationNumber.of("EP", number, kind).map(PublicationNumber::numberKey), Optional.of(key),
                () -> "number '" + number + "' kind '" + kind + "'"));
    }

    private static void readAll(AuthorityFileReader reader, byte[] file, ColumnMapping mapping) throws IOException {
        try (RecordSource source = reader.open(new ByteArrayInputStream(file), mapping)) {
            drain(source);
        } catch (MalformedFileException refused) {
            assertTrue(refused.line() >= 1, () -> "a broken file is refused with its line: " + refused.getMessage());
        }
    }

    private static void drain(RecordSource source) throws IOException {
        FileHeader header = source.header();
        RecordValidator validator = new RecordValidator(header.office().orElse("EP"), header.definitions(),
                LocalDate.of(2026, 1, 1));
        ErrorLog errors = new ErrorLog(10);
        for (int records = 0; records < MAX_RECORDS && source.advance(); records++) {
            RawRecord record = source.current();
            assertTrue(record.line() >= 1, "a record knows its line");
            validator.check(record, errors);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }
}
