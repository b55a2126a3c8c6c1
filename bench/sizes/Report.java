import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects the figures as they are measured (each with the load average at that moment) and prints them. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    void feed(List<FeedCeiling.Result> results) {
        section("change feed write ceiling (tiny transactions, one feed row each, durable commits)");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            FeedCeiling.Result locked = results.get(i);
            FeedCeiling.Result free = results.get(i + 1);
            add(String.format("  %2d writers: with the advisory lock %,8.0f commits/s, without %,8.0f commits/s, "
                    + "locked / unlocked %.2f", locked.writers(), locked.perSecond(), free.perSecond(),
                    locked.perSecond() / free.perSecond()));
        }
    }

    void catalog(List<Sizes.Table> tables, List<Sizes.Index> loaded, List<Sizes.Index> merged) {
        section("catalog: the corpus");
        long apis = tables.stream().filter(t -> t.name().equals("api")).mapToLong(Sizes.Table::rows).sum();
        long total = tables.stream().mapToLong(Sizes.Table::total).sum();
        long operations = merged.stream().filter(i -> i.name().startsWith("operations")).mapToLong(Sizes.Index::docs)
                .sum();
        add(String.format("  PostgreSQL ipdex_catalog, all tables: %s for %d APIs = %,d B per API", Sizes.mb(total),
                apis, apis == 0 ? 0 : total / apis));
        tables.stream().limit(6).forEach(this::table);
        indices(loaded, "as indexed");
        indices(merged, "force-merged to 1 segment");
        for (Sizes.Index index : merged) {
            long per = index.docs() == 0 ? 0 : index.primaryBytes() / index.docs();
            add(String.format("    %s: %,d B per document (%d APIs, %d operations)", index.name(), per, apis,
                    operations));
        }
    }

    void authority(long records, double ingest, double indexed, List<Sizes.Table> tables, List<Sizes.Index> loaded,
                   List<Sizes.Index> merged) {
        section(String.format("authority: one EP edition of %,d records (ingest %.1f s, searchable %.1f s after the "
                + "upload started)", records, ingest, indexed));
        tables.forEach(this::table);
        for (Sizes.Table table : tables) {
            add(String.format("    per record: heap %.1f B, indexes %.1f B, total %.1f B", table.heap()
                    / (double) table.rows(), table.indexes() / (double) table.rows(), table.total()
                    / (double) table.rows()));
        }
        indices(loaded, "as loaded by search-service");
        indices(merged, "force-merged to 1 segment");
        for (List<Sizes.Index> set : List.of(loaded, merged)) {
            for (Sizes.Index index : set) {
                add(String.format("    %s (%d segments): %.1f B per record", index.name(), index.segments(),
                        index.primaryBytes() / (double) index.docs()));
            }
        }
    }

    void throughput(List<Throughput.Point> points) {
        section("search throughput, one search-service + one Elasticsearch node, wrk closed loop, mixed queries");
        for (Throughput.Point p : points) {
            add(String.format("  %3d connections: %,8.0f requests/s, p50 %s, p99 %s, non-2xx %d, CPU ms per request %s"
                    + "   [load %s]", p.connections(), p.requestsPerSecond(), p.p50(), p.p99(), p.non2xx(),
                    p.cpuMillisPerRequest().entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(),
                            e.getValue())).toList(), p.load()));
        }
    }

    /** Peak resident memory (VmHWM) of every process of the stack, after all of the above. */
    void memory(Path run) throws Exception {
        section("memory: peak resident set (VmHWM) of each process (Elasticsearch: its server JVM), services -Xmx512m, "
                + "Elasticsearch 1 GB heap");
        try (var pids = Files.list(run)) {
            for (Path file : pids.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                add(String.format("  %-20s %,9d kB", file.getFileName().toString().replace(".pid", ""),
                        ProcessTree.peakResidentKb(file)));
            }
        }
    }

    void print() {
        System.out.println();
        System.out.println("ipdex sizes, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (shared: each section ends with the load average when it was measured)");
        lines.forEach(System.out::println);
    }

    private void table(Sizes.Table t) {
        add(String.format("    %-28s rows %,11d  heap %12s  indexes %12s  total %12s", t.name(), t.rows(),
                Sizes.mb(t.heap()), Sizes.mb(t.indexes()), Sizes.mb(t.total())));
        t.indexSizes().forEach(i -> add("      index " + i));
    }

    private void indices(List<Sizes.Index> indices, String state) {
        add("  Elasticsearch, " + state + ":");
        for (Sizes.Index i : indices) {
            add(String.format("    %-28s docs %,11d  primary store %,14d B (%s), %d segments", i.name(), i.docs(),
                    i.primaryBytes(), Sizes.mb(i.primaryBytes()), i.segments()));
        }
    }

    private void section(String title) {
        add("");
        add(title + "   [load " + SizesBench.load() + "]");
    }

    /** Printed at once as well: a run stopped early still shows what it measured. */
    private void add(String line) {
        lines.add(line);
        System.out.println("result: " + line);
    }
}
