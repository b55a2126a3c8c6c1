package org.ipdex.e2e;

import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.LocalDate;

/** An authority file of any size, generated while it is sent: nothing of it needs to be on this side's disk. */
final class GeneratedFile {

    private GeneratedFile() {
    }

    /**
     * A {@link Pipe} rather than piped streams: the HTTP client reads on pool threads, which piped streams take for
     * dead writers or readers.
     */
    static HttpRequest.BodyPublisher epoCsv(String office, long records, long seed, LocalDate producedOn) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                Pipe pipe = Pipe.open();
                Thread writer = new Thread(() -> {
                    try (OutputStream out = Channels.newOutputStream(pipe.sink())) {
                        AuthorityFileWriter.write(Layout.EPO_CSV, office, producedOn, "full",
                                new RecordGenerator(office, records, seed, producedOn), out);
                    } catch (IOException e) {
                        // the request was abandoned: its answer (or its failure) is what the test reports
                    }
                }, "generate-" + records);
                writer.setDaemon(true);
                writer.start();
                return Channels.newInputStream(pipe.source());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
