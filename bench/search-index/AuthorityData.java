import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated authority records, written two ways: as authority-service serves an edition (one record per NDJSON
 * line) and as the index documents search-service makes of them, in {@code _bulk} batches for the raw baseline.
 * Record i of office X: number X(1000000 + i), kind A1 (every third also B1 instead), a date from 1978 on,
 * every 200th withdrawn ("W").
 */
final class AuthorityData {

    private AuthorityData() {
    }

    static String numberKey(String office, long i) {
        return office + (1_000_000 + i);
    }

    static String kind(long i) {
        return i % 3 == 0 ? "B1" : "A1";
    }

    static String date(long i) {
        return (1978 + i % 45) + "-" + pad(1 + i % 12) + "-" + pad(1 + i % 28);
    }

    static void writeEdition(Path file, String office, long count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                out.write("{\"office\":\"" + office + "\",\"numberKey\":\"" + numberKey(office, i) + "\",\"kind\":\""
                        + kind(i) + "\",\"publicationDate\":\"" + date(i) + "\",\"exceptionCode\":"
                        + (i % 200 == 0 ? "\"W\"" : "null") + ",\"docNumber\":\"" + numberKey(office, i) + kind(i)
                        + "\"}\n");
            }
        }
    }

    /** The document search-service indexes for record i (same fields, same order, nulls left out). */
    static String document(String office, long i) {
        String key = numberKey(office, i);
        String date = date(i);
        return "{\"office\":\"" + office + "\",\"numberKey\":\"" + key + "\",\"key\":\"" + key + kind(i)
                + "\",\"kind\":\"" + kind(i) + "\",\"publicationDate\":\"" + date + "\",\"year\":"
                + date.substring(0, 4) + (i % 200 == 0 ? ",\"exceptionCode\":\"W\"" : "") + ",\"docNumber\":\""
                + key + kind(i) + "\"}";
    }

    /** {@code _bulk} bodies of {@code batch} documents each, action lines without index (it is in the URL). */
    static int writeBulkBatches(Path directory, String office, long from, long count, int batch) throws IOException {
        Files.createDirectories(directory);
        int files = 0;
        for (long start = from; start < from + count; start += batch) {
            Path file = directory.resolve(String.format("batch-%06d.ndjson", files++));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long i = start; i < Math.min(from + count, start + batch); i++) {
                    out.write("{\"index\":{}}\n");
                    out.write(document(office, i));
                    out.write('\n');
                }
            }
        }
        return files;
    }

    private static String pad(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
