package org.ipdex.common.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a service may fetch when an office hands it one (a spec source, an endpoint to probe, an authority
 * file): http or https, on public unicast addresses only, unless an administrator allow-lists a host name, an
 * address or a CIDR block (tests list loopback). The name is resolved once, here, and the caller connects to the
 * address returned, so a DNS answer that changes between check and connect (rebinding) gains nothing.
 *
 * <p>IPv4 addresses must be written as four decimal numbers: {@code 0177.0.0.1} is 127.0.0.1 to curl and glibc but
 * 177.0.0.1 to Java, and {@code 2130706433} or {@code 0x7f000001} mean different things to different parsers, so
 * no other spelling is guessed at. Names under {@code localhost} are refused without a look-up (RFC 6761).
 */
public final class AddressPolicy {

    private static final Pattern NUMBER_PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final List<String> allow;
    private final HostResolver resolver;

    public AddressPolicy(List<String> allow, HostResolver resolver) {
        this.allow = allow.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** @return the one address to connect to for {@code uri}; every address its host resolves to was allowed */
    public InetAddress check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(uri, "only http and https URLs are fetched, not " + (scheme.isEmpty() ? "a relative URL"
                    : scheme + ":"));
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(uri, "a URL with a user name or password is not fetched");
        }
        String host = host(uri);
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        if (allow.contains(name)) {
            return lookUp(uri, host).get(0);
        }
        if (looksNumeric(name) && !canonicalIpv4(host)) {
            throw refused(uri, "'" + host + "' is an IPv4 address in an ambiguous spelling (octal, hexadecimal, "
                    + "shortened or one number); write it as four decimal numbers");
        }
        if (uri.getHost() == null) {
            throw refused(uri, "'" + host + "' is not a valid host name");
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            throw refused(uri, "'" + host + "' always names this machine");
        }
        List<InetAddress> addresses = lookUp(uri, host);
        for (InetAddress address : addresses) {
            Optional<String> why = AddressRanges.notPublic(address);
            if (why.isPresent() && !allowListed(address)) {
                throw refused(uri, host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address: " + why.get());
            }
        }
        return addresses.get(0);
    }

    /** The host as written, brackets of an IPv6 literal removed; also when {@link URI} could not read it. */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        }
        if (host.isEmpty()) {
            throw refused(uri, "the URL has no host");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private List<InetAddress> lookUp(URI uri, String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + host + " in " + uri, e);
        }
    }

    private static boolean looksNumeric(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 4) {
            return false;
        }
        for (String part : parts) {
            if (!NUMBER_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean canonicalIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!DECIMAL_OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private boolean allowListed(InetAddress address) {
        for (String entry : allow) {
            if (Cidr.parse(entry).map(cidr -> cidr.contains(address)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The URL without its user information, which may hold a password that must not reach a log or an answer. */
    private static FetchException refused(URI uri, String why) {
        String shown = uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", "");
        return new FetchException(FetchException.Kind.REFUSED, shown + ": " + why);
    }
}
