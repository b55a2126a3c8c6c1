package org.ipdex.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SSRF matrix every fetching entry point is tested against (catalogue spec sources, remote {@code $ref}s,
 * endpoint probes, authority-file sources), and a fake DNS for the names in it, so that "a name that resolves to a
 * private address" needs no DNS server and no network. {@code {port}} in a URL is the port of the test's stub
 * server: a loopback spelling that slipped through would reach it, and the stub counts requests.
 */
public final class SsrfTargets {

    /** A name whose first answer is an address the test allow-lists and every later answer a private one. */
    public static final String REBINDING_NAME = "rebind.ipdex.test";

    private static final Map<String, List<String>> NAMES = Map.of(
            "intranet.ipdex.test", List.of("10.20.30.40"),
            "metadata.ipdex.test", List.of("169.254.169.254"),
            "mixed.ipdex.test", List.of("93.184.215.14", "192.168.7.7"),
            "ula.ipdex.test", List.of("fd00::5"));
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /**
     * @param url    with {@code {port}} for the stub server's port
     * @param names  what the refusal must name (the host as written, or the scheme)
     * @param reason a fragment of the refusal's explanation
     */
    public record Target(String url, String names, String reason) {

        public String url(int port) {
            return url.replace("{port}", Integer.toString(port));
        }
    }

    private static final String SPELLING = "ambiguous spelling";
    private static final String LOOPBACK = "loopback";
    private static final String UNSPECIFIED = "unspecified";
    private static final String PRIVATE = "private network";
    private static final String SCHEME = "only http and https";

    private SsrfTargets() {
    }

    public static List<Target> all() {
        return List.of(
                new Target("http://127.0.0.1:{port}/spec.yaml", "127.0.0.1", LOOPBACK),
                new Target("http://127.1:{port}/spec.yaml", "127.1", SPELLING),
                new Target("http://2130706433:{port}/spec.yaml", "2130706433", SPELLING),
                new Target("http://0x7f000001:{port}/spec.yaml", "0x7f000001", SPELLING),
                new Target("http://0177.0.0.1:{port}/spec.yaml", "0177.0.0.1", SPELLING),
                new Target("http://127.000.000.001:{port}/spec.yaml", "127.000.000.001", SPELLING),
                new Target("http://0:{port}/spec.yaml", "0", SPELLING),
                new Target("http://0.0.0.0:{port}/spec.yaml", "0.0.0.0", UNSPECIFIED),
                new Target("http://[::1]:{port}/spec.yaml", "[::1]", LOOPBACK),
                new Target("http://[::]:{port}/spec.yaml", "[::]", UNSPECIFIED),
                new Target("http://[::ffff:127.0.0.1]:{port}/spec.yaml", "[::ffff:127.0.0.1]", LOOPBACK),
                new Target("http://[::ffff:7f00:1]:{port}/spec.yaml", "[::ffff:7f00:1]", LOOPBACK),
                new Target("http://[::127.0.0.1]:{port}/spec.yaml", "[::127.0.0.1]", "not a global unicast"),
                new Target("http://[64:ff9b::7f00:1]:{port}/spec.yaml", "[64:ff9b::7f00:1]", "carries 127.0.0.1"),
                new Target("http://[2002:7f00:1::]:{port}/spec.yaml", "[2002:7f00:1::]", "carries 127.0.0.1"),
                new Target("http://10.0.0.1/spec.yaml", "10.0.0.1", PRIVATE),
                new Target("http://172.16.0.1/spec.yaml", "172.16.0.1", PRIVATE),
                new Target("http://192.168.1.1/spec.yaml", "192.168.1.1", PRIVATE),
                new Target("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "link-local"),
                new Target("http://[fe80::1]/spec.yaml", "[fe80::1]", "link-local"),
                new Target("http://[fc00::1]/spec.yaml", "[fc00::1]", "unique local"),
                new Target("http://100.64.0.1/spec.yaml", "100.64.0.1", "carrier-grade NAT"),
                new Target("http://198.18.0.1/spec.yaml", "198.18.0.1", "benchmarking"),
                new Target("http://224.0.0.1/spec.yaml", "224.0.0.1", "multicast"),
                new Target("http://255.255.255.255/spec.yaml", "255.255.255.255", "broadcast"),
                new Target("http://localhost:{port}/spec.yaml", "localhost", "always names this machine"),
                new Target("http://localhost.:{port}/spec.yaml", "localhost.", "always names this machine"),
                new Target("http://api.localhost:{port}/spec.yaml", "api.localhost", "always names this machine"),
                new Target("http://intranet.ipdex.test/spec.yaml", "intranet.ipdex.test", PRIVATE),
                new Target("http://metadata.ipdex.test/latest/", "metadata.ipdex.test", "link-local"),
                new Target("http://mixed.ipdex.test/spec.yaml", "mixed.ipdex.test", PRIVATE),
                new Target("http://ula.ipdex.test/spec.yaml", "ula.ipdex.test", "unique local"),
                new Target("http://user@127.0.0.1:{port}/spec.yaml", "127.0.0.1", "user name or password"),
                new Target("http://user:secret@intranet.ipdex.test/spec.yaml", "intranet.ipdex.test",
                        "user name or password"),
                new Target("file:///etc/passwd", "file:", SCHEME),
                new Target("ftp://127.0.0.1:{port}/spec.yaml", "ftp:", SCHEME),
                new Target("jar:http://127.0.0.1:{port}/x.jar!/spec.yaml", "jar:", SCHEME),
                new Target("gopher://127.0.0.1:{port}/_GET%20/", "gopher:", SCHEME));
    }

    /** The fake DNS: address literals as the JDK reads them, the matrix's names, nothing else (no network). */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        int lookup = LOOKUPS.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
        if (host.equals(REBINDING_NAME)) {
            return List.of(InetAddress.getByAddress(host, lookup == 1 ? new byte[]{127, 0, 0, 2} : new byte[]{10, 0, 0, 1}));
        }
        if (NAMES.containsKey(host)) {
            List<InetAddress> addresses = new ArrayList<>();
            for (String address : NAMES.get(host)) {
                addresses.add(InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
            }
            return addresses;
        }
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return List.of(InetAddress.getAllByName(host));
        }
        throw new UnknownHostException(host + " (not in the test's fake DNS)");
    }

    /** How often {@code host} was looked up since {@link #forget}. */
    public static int lookups(String host) {
        return LOOKUPS.getOrDefault(host, new AtomicInteger()).get();
    }

    public static void forget(String host) {
        LOOKUPS.remove(host);
    }
}
