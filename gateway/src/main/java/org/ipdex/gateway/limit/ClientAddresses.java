package org.ipdex.gateway.limit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which bucket an anonymous caller's address counts against. An IPv6 client usually holds a whole /64 and can
 * rotate through it at will, so IPv6 addresses are counted per /64; IPv4 addresses one by one.
 */
final class ClientAddresses {

    /** Only literals are parsed: a host name from a header must never cause a DNS look-up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddresses() {
    }

    static String bucketOf(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String candidate = address.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!LITERAL.matcher(candidate).matches()) {
            return candidate;
        }
        try {
            byte[] bytes = InetAddress.getByName(candidate).getAddress();
            if (bytes.length == 16) {
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return candidate;
        }
    }
}
