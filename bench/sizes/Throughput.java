import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed-loop search ceiling of one search-service and one Elasticsearch node: wrk (Debian's package) keeps
 * C requests in flight over the same mix as bench/search-latency (1/3 API searches, 1/3 operation searches,
 * 1/3 authority look-ups) and counts what comes back. wrk runs on the same 2 cores, so it takes its share too.
 */
final class Throughput {

    record Point(int connections, double requestsPerSecond, String p50, String p99, long non2xx, String load) {
    }

    private Throughput() {
    }

    static List<Point> wrk(Path work, String base, String token, List<String> paths, int seconds) throws Exception {
        StringBuilder lua = new StringBuilder("paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n"
                + "  return wrk.format(nil, paths[(counter % #paths) + 1])\nend\n");
        Path script = work.resolve("mix.lua");
        Files.writeString(script, lua);
        // warm-up: the JITs and Elasticsearch's caches (bench/search-latency: the first seconds are 10x slower)
        run(script, base, token, 8, 20);
        List<Point> points = new ArrayList<>();
        for (int connections : new int[]{4, 16, 64}) {
            points.add(run(script, base, token, connections, seconds));
        }
        return points;
    }

    private static Point run(Path script, String base, String token, int connections, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-H", "Authorization: Bearer " + token, "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        String load = SizesBench.load();
        SizesBench.log("wrk -c" + connections + ":\n" + out);
        return new Point(connections, Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)", "0")),
                find(out, "\\s50%\\s+(\\S+)", "?"), find(out, "\\s99%\\s+(\\S+)", "?"),
                Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)", "0")), load);
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
