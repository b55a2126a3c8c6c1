import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service process holds: heap in use right after a full collection (what it really keeps, not the
 * garbage of the moment), open file descriptors and threads. Read from outside, as an operator would, with
 * {@code jcmd} and {@code /proc}, so the service needs no hook of its own.
 */
record ProcessStats(long heapAfterGcKiB, int openFiles, int threads) {

    // Parallel (PSYoungGen, ParOldGen) and G1 ("garbage-first heap") both print "used NNNK" on their heap lines
    private static final Pattern USED = Pattern.compile("^\\s*(PSYoungGen|ParOldGen|garbage-first heap)\\s.*?used (\\d+)K",
            Pattern.MULTILINE);

    static ProcessStats of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        long used = 0;
        Matcher heap = USED.matcher(jcmd(pid, "GC.heap_info"));
        while (heap.find()) {
            used += Long.parseLong(heap.group(2));
        }
        int files;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            files = (int) fds.count();
        }
        int threads = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:")).findFirst()
                .map(line -> Integer.parseInt(line.substring("Threads:".length()).strip())).orElseThrow();
        return new ProcessStats(used, files, threads);
    }

    /** The pid the local stack wrote for a service (first line of {@code run/NAME.pid}). */
    static long pidOf(Path home, String service) throws IOException {
        return Long.parseLong(Files.readAllLines(home.resolve("run").resolve(service + ".pid")).get(0).strip());
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
