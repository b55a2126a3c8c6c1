import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The identity token the gateway would forward for an anonymous caller, minted with the stack's shared secret. */
final class IdentityToken {

    private IdentityToken() {
    }

    static String anonymous(String secret, long lifetimeSeconds) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"anonymous\",\"roles\":[\"public\"],\"iat\":" + now + ",\"nbf\":" + now
                + ",\"exp\":" + (now + lifetimeSeconds) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + payload + "." + signature;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
