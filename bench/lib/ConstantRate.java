import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop, constant-rate HTTP load generator (what wrk2 does; plain wrk is closed-loop and reports latency at
 * whatever rate the server sustains, not at a given rate). Request i is due at start + i / rate; its latency is
 * measured from that due time, not from when it was actually sent, so a stalled server cannot hide its stall
 * (no coordinated omission). Loopback only; bounded by count and time.
 *
 * <p>{@code java bench/lib/ConstantRate.java BASE_URL NUMBERS_FILE RATE SECONDS TOKEN} requests
 * BASE_URL + url-encoded random line of NUMBERS_FILE, and prints latency percentiles and status counts.
 */
public class ConstantRate {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> numbers = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String token = args[4];
        if (!URI.create(base).getHost().startsWith("127.") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback targets only");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * (1_000_000_000.0 / rate));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String number = numbers.get(ThreadLocalRandom.current().nextInt(numbers.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base
                            + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20")))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - due;
                statuses.computeIfAbsent(error == null ? response.statusCode() : -1, k -> new AtomicInteger())
                        .incrementAndGet();
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("requests %d in %.1f s (%.0f/s), statuses %s%n", total, elapsed, total / elapsed, statuses);
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            int at = Math.min(total - 1, (int) Math.ceil(p / 100 * total) - 1);
            System.out.printf("  p%-5s %8.2f ms%n", p == 100 ? "max" : String.valueOf(p), latencies[Math.max(0, at)] / 1e6);
        }
        System.out.printf("RESULT_P99_MS %.2f%n", latencies[Math.max(0, (int) Math.ceil(0.99 * total) - 1)] / 1e6);
        System.exit(0);
    }
}
