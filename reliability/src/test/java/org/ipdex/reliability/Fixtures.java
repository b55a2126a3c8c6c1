package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;
import org.ipdex.testdata.SmallSpec;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** What the fault tests write: offices with their keys, small specs, generated authority files. */
final class Fixtures {

    static final LocalDate PRODUCED_ON = LocalDate.of(2025, 6, 30);

    private Fixtures() {
    }

    /** Creates the office (if it is new) and an office key for it. */
    static Client office(FaultStack stack, String code) {
        Client admin = admin(stack);
        Client.Answer office = admin.post("/api/v1/admin/offices", "application/json",
                "{\"code\":\"" + code + "\",\"name\":\"Office " + code + "\",\"country\":\"" + code + "\","
                        + "\"contactEmail\":\"data@office-" + code.toLowerCase() + ".example\"}");
        if (office.status() != 201 && office.status() != 409) {
            throw new AssertionError("office " + code + ": " + office);
        }
        JsonNode key = admin.ok(admin.post("/api/v1/admin/apiKeys", "application/json",
                "{\"name\":\"faults-" + code + "\",\"role\":\"office\",\"officeCode\":\"" + code + "\"}"), "key");
        return new Client(stack.gatewayUrl(), key.get("apiKey").asText());
    }

    static Client admin(FaultStack stack) {
        return new Client(stack.gatewayUrl(), stack.adminKey());
    }

    /** Registers a spec; the answer as it came. */
    static Client.Answer register(Client office, String title) {
        return office.post("/api/v1/catalog/apis", "application/yaml", SmallSpec.titled(title));
    }

    /** An EPO-CSV upload of {@code records} generated records, as a request ready to send. */
    static HttpRequest.Builder upload(Client office, String code, long records, long seed, boolean wait) {
        return upload(office, code, records, seed, wait, new AtomicLong());
    }

    /** The same, counting in {@code sent} the bytes handed to the connection so far. */
    static HttpRequest.Builder upload(Client office, String code, long records, long seed, boolean wait,
                                      AtomicLong sent) {
        return office.request("/api/v1/authority/offices/" + code + "/editions?layout=" + Layout.EPO_CSV.id()
                        + "&wait=" + wait, Duration.ofMinutes(10))
                .header("Content-Type", "text/csv").POST(generatedFile(code, records, seed, sent));
    }

    /**
     * The file, generated while it is sent. A {@link Pipe} rather than piped streams: the HTTP client reads on pool
     * threads, which piped streams take for dead writers or readers.
     */
    private static HttpRequest.BodyPublisher generatedFile(String office, long records, long seed, AtomicLong sent) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                Pipe pipe = Pipe.open();
                Thread writer = new Thread(() -> {
                    try (OutputStream out = counting(Channels.newOutputStream(pipe.sink()), sent)) {
                        AuthorityFileWriter.write(Layout.EPO_CSV, office, PRODUCED_ON, "full",
                                new RecordGenerator(office, records, seed, PRODUCED_ON), out);
                    } catch (IOException e) {
                        // the request was abandoned: its answer (or its failure) is what the test reports
                    }
                }, "generate-" + office + "-" + records);
                writer.setDaemon(true);
                writer.start();
                return Channels.newInputStream(pipe.source());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static OutputStream counting(OutputStream out, AtomicLong sent) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                sent.addAndGet(length);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                sent.incrementAndGet();
            }
        };
    }

    /** Polls {@code path} until the JSON answer satisfies {@code until}; fails after {@code bound}. */
    static JsonNode await(Client client, String path, Predicate<JsonNode> until, Duration bound)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        Client.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get(path);
            if (last.ok() && until.test(last.json())) {
                return last.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not within " + bound + " at " + path + "; last answer " + last);
    }

    /** Active records of the office, from its statistics (authority-service, PostgreSQL). */
    static long activeRecords(Client client, String office) {
        long total = 0;
        for (JsonNode row : client.ok(client.get("/api/v1/authority/statistics?office=" + office), "statistics")
                .get("rows")) {
            total += row.get("records").asLong();
        }
        return total;
    }

    /** A duration setting of the fault tests, e.g. {@code 20s} or {@code 2m} (system property, see the pom). */
    static Duration setting(String name, String fallback) {
        String text = System.getProperty("ipdex.faults." + name, fallback).strip().toLowerCase();
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }

    static long number(String name, long fallback) {
        return Long.getLong("ipdex.faults." + name, fallback);
    }

    static void log(String test, String message) {
        System.out.println(Instant.now() + " " + test + ": " + message);
    }
}
