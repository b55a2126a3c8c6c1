package org.ipdex.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky's embedded binaries from Maven Central), with one database per service.
 * Used by the local stack (persistent data directory) and by the test harness (throw-away, fsync off).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    private static final AtomicInteger FRESH = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory kept between runs; {@code null} for a throw-away server
     * @param port          0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory == null) {
                // a test server is thrown away with its JVM: durability buys nothing there
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The base URL of the server, without a database name. */
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/";
    }

    public String jdbcUrl(String database) {
        return serverUrl() + database;
    }

    public void createDatabaseIfMissing(String name) {
        createDatabaseIfMissing(serverUrl(), USER, "", name);
    }

    /** A new empty database, so that no test sees another test's rows. */
    public String freshDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet();
        createDatabaseIfMissing(name);
        return name;
    }

    /** Works on any PostgreSQL server, embedded or not: the local stack uses it for a configured one too. */
    public static void createDatabaseIfMissing(String serverUrl, String user, String password, String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
