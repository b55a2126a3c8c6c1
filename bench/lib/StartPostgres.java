import org.ipdex.stack.EmbeddedDatabase;

import java.nio.file.Path;

/**
 * Starts the project's embedded PostgreSQL (the same binaries and settings as the local stack) for a benchmark and
 * keeps it running until this process is stopped. Run as a single-file program:
 * {@code java -cp deploy/local/target/local-stack.jar bench/lib/StartPostgres.java DATA_DIR PORT}.
 */
public class StartPostgres {
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        System.out.println("postgres ready on port " + database.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
