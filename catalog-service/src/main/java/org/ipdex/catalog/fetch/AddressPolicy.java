package org.ipdex.catalog.fetch;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses the catalogue may connect to when it fetches a spec or probes an endpoint: public unicast
 * addresses only, unless an administrator lists a host, an address or a CIDR block in
 * {@code ipdex.catalog.fetch.allow} (tests list loopback). The name is resolved once and the caller connects to
 * the address returned here, so a DNS answer that changes between check and connect (rebinding) gains nothing.
 */
@Singleton
public class AddressPolicy {

    private final List<String> allow;

    public AddressPolicy(@Value("${ipdex.catalog.fetch.allow:}") List<String> allow) {
        this.allow = allow.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return the one address to connect to; every address the name resolves to must be allowed */
    public InetAddress resolve(String host) {
        if (host == null || host.isBlank()) {
            throw new FetchException(FetchException.Kind.REFUSED, "the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + host, e);
        }
        boolean hostAllowed = allow.contains(bare.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (!hostAllowed && !isPublic(address) && !allowListed(address)) {
                throw new FetchException(FetchException.Kind.REFUSED, host + " resolves to "
                        + address.getHostAddress() + ", which is not a public address");
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 224                               // this network, class D/E, broadcast
                    && !(first == 100 && second >= 64 && second < 128)     // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19));  // benchmarking
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) != 0xfc                                  // unique local fc00::/7
                    && !(first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                    && !isEmbeddedPrivate(b);
        }
        return false;
    }

    /** NAT64 (64:ff9b::/96) addresses carry an IPv4 address that must itself be public. */
    private static boolean isEmbeddedPrivate(byte[] b) {
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!nat64) {
            return false;
        }
        try {
            return !isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private boolean allowListed(InetAddress address) {
        for (String entry : allow) {
            if (Cidr.parse(entry).map(cidr -> cidr.contains(address)).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
