import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-model, constant-rate load generator: request i is due at start + i / rate, whatever happened to the
 * ones before it, and its latency is measured from that due time, not from when it was actually sent. A slow
 * response therefore counts fully (and delays nothing), which avoids coordinated omission (a closed-loop tool
 * such as plain wrk would wait and under-report the tail).
 */
final class LoadGenerator {

    record Result(long[] latenciesNanos, int errors, String firstError) {

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        static Result merge(List<Result> results) {
            long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos)).toArray();
            int errors = results.stream().mapToInt(Result::errors).sum();
            String first = results.stream().map(Result::firstError).filter(e -> e != null).findFirst().orElse(null);
            return new Result(all, errors, first);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param requests request i's URI and headers; called on the scheduling thread, so it must be cheap
     */
    Result run(IntFunction<HttpRequest> requests, int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HttpRequest request = requests.apply(i);
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
                latencies[n] = System.nanoTime() - due;
                if (error != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    synchronized (firstError) {
                        if (firstError[0] == null) {
                            firstError[0] = error != null ? error.toString()
                                    : response.statusCode() + " " + request.uri() + " "
                                    + new String(response.body()).substring(0, Math.min(200, response.body().length));
                        }
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return new Result(latencies, errors.get(), firstError[0]);
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }
}
