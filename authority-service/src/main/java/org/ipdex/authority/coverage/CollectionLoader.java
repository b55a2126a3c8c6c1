package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.common.number.PublicationNumber;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Streams a collection list into a PostgreSQL {@code COPY}: one line in, at most one row out, nothing kept but a
 * few counters, so memory stays flat for any number of rows. Each row is {@code number_key, kind, line} in COPY
 * text format; the values are canonical (letters and digits only), so they need no escaping, and whatever else a
 * line held never reaches SQL.
 */
final class CollectionLoader {

    /** Progress is reported this often (rows), which also bounds how often the job writes its heartbeat. */
    static final int PROGRESS_EVERY = 100_000;

    private final Set<String> offices;
    private final int sampleLimit;

    CollectionLoader(Set<String> offices, int sampleLimit) {
        this.offices = offices;
        this.sampleLimit = sampleLimit;
    }

    interface Progress {
        void rows(long rowsRead);
    }

    record Result(long rowsRead, long rowsInScope, Map<String, Long> outsideScope, long unparseable,
                  List<CoverageReport.BadLine> samples) {
    }

    /** Opens the upload, gunzipping it when its first bytes are the gzip magic number (whatever its name or type). */
    static InputStream open(InputStream upload) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    Result load(InputStream text, @Nullable String column, OutputStream copy, Progress progress) throws IOException {
        LineReader reader = new LineReader(text);
        CollectionParser parser = new CollectionParser(column);
        RowWriter rows = new RowWriter(copy);
        Map<String, Long> outside = new TreeMap<>();
        List<CoverageReport.BadLine> samples = new ArrayList<>();
        long read = 0;
        long inScope = 0;
        long bad = 0;
        for (String line = reader.next(); line != null; line = reader.next()) {
            if (line.isBlank()) {
                continue;
            }
            read++;
            Optional<PublicationNumber> number = reader.wasTooLong() ? Optional.empty() : parser.parse(line);
            if (number.isEmpty()) {
                if (parser.isHeader(line, reader.lineNumber())) {
                    read--;
                    continue;
                }
                bad++;
                if (samples.size() < sampleLimit) {
                    samples.add(new CoverageReport.BadLine(reader.lineNumber(), LineReader.forReport(line)));
                }
            } else if (offices.contains(number.get().office())) {
                inScope++;
                rows.write(number.get(), reader.lineNumber());
            } else {
                outside.merge(number.get().office(), 1L, Long::sum);
            }
            if (read % PROGRESS_EVERY == 0) {
                progress.rows(read);
            }
        }
        rows.flush();
        progress.rows(read);
        return new Result(read, inScope, outside, bad, samples);
    }

    /** COPY text rows into a reused byte buffer: no per-row allocation beyond what parsing needs. */
    private static final class RowWriter {
        private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        RowWriter(OutputStream out) {
            this.out = out;
        }

        void write(PublicationNumber number, long line) throws IOException {
            if (size > buffer.length - 128) {
                flush();
            }
            ascii(number.office());
            ascii(number.number());
            buffer[size++] = '\t';
            if (number.kind().isPresent()) {
                ascii(number.kind().get());
            } else {
                System.arraycopy(NULL, 0, buffer, size, NULL.length);
                size += NULL.length;
            }
            buffer[size++] = '\t';
            ascii(Long.toString(line));
            buffer[size++] = '\n';
        }

        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
        }

        void flush() throws IOException {
            out.write(buffer, 0, size);
            size = 0;
        }
    }
}
