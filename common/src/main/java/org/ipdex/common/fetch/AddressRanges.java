package org.ipdex.common.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Says why an address is not a public unicast address, or nothing when it is. IPv6 is judged by what it may
 * carry: only global unicast (2000::/3) counts as public, and the forms that embed an IPv4 address (NAT64, 6to4)
 * are judged by that address. IPv4-mapped addresses ({@code ::ffff:a.b.c.d}) arrive here as IPv4 already.
 */
final class AddressRanges {

    private AddressRanges() {
    }

    static Optional<String> notPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (this host)");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback (this host)");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local (cloud metadata lives here)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private network address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ipv4(b) : ipv6(b);
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0) {
            return Optional.of("in 0.0.0.0/8 (this network)");
        }
        if (first >= 224) {
            return Optional.of("reserved or broadcast");
        }
        if (first == 100 && second >= 64 && second < 128) {
            return Optional.of("carrier-grade NAT (100.64.0.0/10)");
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if (first == 192 && second == 0 && (third == 0 || third == 2) || first == 198 && second == 51 && third == 100
                || first == 203 && second == 0 && third == 113) {
            return Optional.of("reserved for protocols or documentation");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        int first = b[0] & 0xff;
        boolean nat64 = first == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (nat64) {
            return embedded(b, 12);
        }
        if ((first & 0xe0) != 0x20) {
            return Optional.of((first & 0xfe) == 0xfc ? "a unique local address (fc00::/7)"
                    : "not a global unicast IPv6 address");
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("reserved for documentation (2001:db8::/32)");
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a Teredo tunnel address (2001::/32)");
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(b, 2);
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int at) {
        try {
            InetAddress inner = InetAddress.getByAddress(new byte[]{b[at], b[at + 1], b[at + 2], b[at + 3]});
            return notPublic(inner).map(why -> "carries " + inner.getHostAddress() + ", " + why);
        } catch (UnknownHostException impossible) {
            return Optional.of("unreadable");
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
