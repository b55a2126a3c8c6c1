package org.ipdex.stack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The parity check ({@code GET /api/v1/admin/parity} through the gateway) as a command, {@code ipdex parity}, and as
 * the one call a test needs: {@link #await} until the indices agree with PostgreSQL again, e.g. after a fault.
 */
public final class Parity {

    /** Fields the service adds later are ignored (no Jackson annotations here: this module has no Micronaut). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Parity() {
    }

    /** One difference, as search-service reports it. */
    public record Difference(String kind, String resource, String id, String database, String index) {
    }

    /** The report; {@code differences} lists the first thousand of {@code differenceCount}. */
    public record Report(long tookMillis, long apis, long operations, long offices, long records,
                         long differenceCount, List<Difference> differences) {

        public boolean zero() {
            return differenceCount == 0;
        }

        /** What {@code ipdex parity} prints. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("checked %,d APIs with %,d operations and %,d offices with %,d authority "
                    + "records in %,d ms%n", apis, operations, offices, records, tookMillis));
            if (zero()) {
                return text.append("no differences: the search indices agree with PostgreSQL").append('\n')
                        .toString();
            }
            text.append(String.format("%,d difference(s):%n", differenceCount));
            for (Difference d : differences) {
                text.append(String.format("  %-17s %-10s %s%n", d.kind(), d.resource(), d.id()));
                if (d.database() != null) {
                    text.append("      database: ").append(d.database()).append('\n');
                }
                if (d.index() != null) {
                    text.append("      index:    ").append(d.index()).append('\n');
                }
            }
            if (differences.size() < differenceCount) {
                text.append(String.format("  … and %,d more%n", differenceCount - differences.size()));
            }
            return text.toString();
        }
    }

    /**
     * Runs the check once; an answer other than 200 is thrown with its problem document, as an
     * {@link UncheckedIOException} when the stack may answer later (unreachable, 5xx).
     */
    public static Report check(String gatewayUrl, String adminKey) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl
                            + "/api/v1/admin/parity")).header("Authorization", "Bearer " + adminKey)
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500) {
                throw new UncheckedIOException(new IOException("The parity check answered " + answer.statusCode()
                        + ": " + answer.body()));
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The parity check answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return JSON.readValue(answer.body(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The parity check at " + gatewayUrl + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Repeats the check until it finds no difference (the feeds are asynchronous: right after a write, or while the
     * cluster recovers, there are some) or {@code timeout} passes; returns the last report either way.
     */
    public static Report await(String gatewayUrl, String adminKey, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Report report;
            try {
                report = check(gatewayUrl, adminKey);
            } catch (UncheckedIOException e) {
                // 503 while Elasticsearch or a service is still away: not yet
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep();
                continue;
            }
            if (report.zero() || Instant.now().isAfter(deadline)) {
                return report;
            }
            sleep();
        }
    }

    /** {@code ipdex parity}: prints the report; 0 at no difference, 1 otherwise (2 when it could not run). */
    static int command(StackSettings settings) {
        String adminKey;
        try {
            adminKey = java.nio.file.Files.readString(settings.adminKeyFile()).strip();
        } catch (IOException e) {
            System.err.println("ipdex: no admin key at " + settings.adminKeyFile() + " (has the stack been started?)");
            return 2;
        }
        try {
            Report report = check("http://127.0.0.1:" + settings.ports().gateway(), adminKey);
            System.out.print(report.describe());
            return report.zero() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("ipdex: " + e.getMessage());
            return 2;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
