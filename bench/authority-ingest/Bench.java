import org.ipdex.stack.EmbeddedDatabase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Helpers for run.sh, launched as a single source file on the local-stack class path:
 * <pre>
 * java -cp local-stack-all.jar Bench.java postgres DATA_DIR   # starts PostgreSQL, prints "port N", runs until killed
 * java Bench.java token SECRET OFFICE                          # prints an office identity token (HS256)
 * </pre>
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "postgres" -> {
                EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[1]), 0);
                database.createDatabaseIfMissing("authority");
                System.out.println("port " + database.port());
                System.out.flush();
                Runtime.getRuntime().addShutdownHook(new Thread(database::close));
                Thread.currentThread().join();
            }
            case "token" -> System.out.println(token(args[1], args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The claims the gateway puts in a forwarded identity token (see org.ipdex.common.identity.Identity). */
    static String token(String secret, String office) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"bench-" + office + "\",\"roles\":[\"office\"],\"office\":\"" + office
                + "\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 7200) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
