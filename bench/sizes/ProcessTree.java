import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stack process with its descendants: Elasticsearch's pid file names {@code runuser}, whose child is the
 * launcher JVM, whose child is the server JVM that does the work.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** The pid in a stack pid file (its first word) and every live descendant. */
    static List<String> of(Path pidFile) throws IOException {
        String root = Files.readString(pidFile).strip().split("\\s+")[0];
        Map<String, List<String>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(proc.getFileName().toString());
                if (stat.length > 1) {
                    children.computeIfAbsent(stat[1], k -> new ArrayList<>()).add(proc.getFileName().toString());
                }
            }
        }
        List<String> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            tree.addAll(children.getOrDefault(tree.get(i), List.of()));
        }
        return tree;
    }

    /** user + system CPU of the whole tree, in clock ticks (10 ms: USER_HZ is 100 on Linux) */
    static long cpuTicks(Path pidFile) throws IOException {
        long ticks = 0;
        for (String pid : of(pidFile)) {
            String[] stat = stat(pid);
            if (stat.length > 12) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            }
        }
        return ticks;
    }

    /** VmHWM of the tree's largest process (the server JVM), in kB */
    static long peakResidentKb(Path pidFile) throws IOException {
        long peak = 0;
        for (String pid : of(pidFile)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException gone) {
                // exited meanwhile
            }
        }
        return peak;
    }

    /** /proc/<pid>/stat from the field after the command name: [0] state, [1] ppid, [11] utime, [12] stime */
    private static String[] stat(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | StringIndexOutOfBoundsException gone) {
            return new String[0];
        }
    }
}
