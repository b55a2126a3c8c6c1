import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one table or one index takes on disk, read from PostgreSQL's and Elasticsearch's own accounting. */
final class Sizes {

    /** @param heap pg_relation_size (main fork), with TOAST and the free-space/visibility maps in total */
    record Table(String name, long rows, long heap, long indexes, long total, List<String> indexSizes) {
    }

    /** One line of {@code _cat/indices?bytes=b} (primaries: a single node holds no replica). */
    record Index(String name, long docs, long primaryBytes, long segments) {
    }

    private Sizes() {
    }

    static List<Table> tables(String jdbcUrl, String namePattern) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT c.relname, pg_relation_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE ?
                    ORDER BY pg_total_relation_size(c.oid) DESC""")) {
                query.setString(1, namePattern);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String name = rows.getString(1);
                        tables.add(new Table(name, count(connection, name), rows.getLong(2), rows.getLong(3),
                                rows.getLong(4), indexSizes(connection, name)));
                    }
                }
            }
        }
        return tables;
    }

    static long scalar(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> indexSizes(Connection connection, String table) throws SQLException {
        List<String> sizes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT i.relname, pg_relation_size(i.oid), pg_get_indexdef(i.oid) FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                WHERE t.relname = ? ORDER BY 2 DESC""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sizes.add(rows.getString(1) + " " + rows.getLong(2) + " B ("
                            + rows.getString(3).replaceAll(".* USING ", "") + ")");
                }
            }
        }
        return sizes;
    }

    static List<Index> indices(String es, String pattern) throws Exception {
        String body = Http.ok("GET", es + "/_cat/indices/" + pattern
                + "?bytes=b&format=json&h=index,docs.count,pri.store.size,segments.count&s=index", null);
        List<Index> indices = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"index\":\"([^\"]+)\",\"docs.count\":\"(\\d+)\",\"pri.store.size\":\"(\\d+)\","
                + "\"segments.count\":\"(\\d+)\"}").matcher(body);
        while (m.find()) {
            indices.add(new Index(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4))));
        }
        if (indices.isEmpty()) {
            throw new IllegalStateException("no index matches " + pattern + ": " + body);
        }
        return indices;
    }

    /** Flushes first, so that the size is the index files and not the translog's promises. */
    static List<Index> forceMerged(String es, String pattern) throws Exception {
        Http.ok("POST", es + "/" + pattern + "/_flush", null);
        Http.ok("POST", es + "/" + pattern + "/_forcemerge?max_num_segments=1", null);
        Http.ok("POST", es + "/" + pattern + "/_refresh", null);
        return indices(es, pattern);
    }

    static String mb(long bytes) {
        return String.format("%,.1f MB", bytes / 1e6);
    }
}
