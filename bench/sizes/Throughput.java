import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed-loop search ceiling of one search-service and one Elasticsearch node: wrk (Debian's package) keeps
 * C requests in flight over the same mix as bench/search-latency (1/3 API searches, 1/3 operation searches,
 * 1/3 authority look-ups) and counts what comes back. wrk runs on the same 2 cores, so it takes its share too.
 */
final class Throughput {

    /** @param cpuMillisPerRequest CPU time (user + system) each process spent per answered request */
    record Point(int connections, double requestsPerSecond, String p50, String p99, long non2xx, String load,
                 Map<String, Double> cpuMillisPerRequest) {
    }

    private Throughput() {
    }

    /** @param run the stack's pid files: the CPU time of search-service and Elasticsearch is read around each run */
    static List<Point> wrk(Path work, Path run, String base, String token, List<String> paths, int seconds)
            throws Exception {
        StringBuilder lua = new StringBuilder("paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n"
                + "  return wrk.format(nil, paths[(counter % #paths) + 1])\nend\n");
        Path script = work.resolve("mix.lua");
        Files.writeString(script, lua);
        // warm-up: the JITs and Elasticsearch's caches (bench/search-latency: the first seconds are 10x slower)
        run(script, run, base, token, 8, 20);
        List<Point> points = new ArrayList<>();
        for (int connections : new int[]{4, 16, 64}) {
            points.add(run(script, run, base, token, connections, seconds));
        }
        return points;
    }

    private static Point run(Path script, Path run, String base, String token, int connections, int seconds)
            throws Exception {
        Map<String, Long> before = cpuTicks(run);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-H", "Authorization: Bearer " + token, "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Map<String, Long> after = cpuTicks(run);
        String load = SizesBench.load();
        SizesBench.log("wrk -c" + connections + ":\n" + out);
        long requests = Long.parseLong(find(out, "(\\d+) requests in", "0"));
        Map<String, Double> cpu = new TreeMap<>();
        // /proc/<pid>/stat counts in clock ticks of 10 ms (USER_HZ 100 on Linux)
        after.forEach((name, ticks) -> cpu.put(name, requests == 0 ? 0 : (ticks - before.getOrDefault(name, ticks))
                * 10.0 / requests));
        return new Point(connections, Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)", "0")),
                find(out, "\\s50%\\s+(\\S+)", "?"), find(out, "\\s99%\\s+(\\S+)", "?"),
                Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)", "0")), load, cpu);
    }

    /** CPU of search-service and of Elasticsearch, each with its child processes */
    private static Map<String, Long> cpuTicks(Path run) throws Exception {
        Map<String, Long> ticks = new TreeMap<>();
        for (String name : List.of("search-service", "elasticsearch")) {
            ticks.put(name, ProcessTree.cpuTicks(run.resolve(name + ".pid")));
        }
        return ticks;
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
