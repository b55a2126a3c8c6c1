package org.ipdex.catalog.fetch;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client that connects to an address chosen by {@link AddressPolicy} rather than
 * resolving the host itself — the JDK's clients offer no way to pin the address, and without pinning a second DNS
 * answer could point the connection at an internal host after the check. TLS still verifies the certificate
 * against the host name (SNI + HTTPS endpoint identification). One request per connection, no redirects (the
 * caller follows them, re-checking each hop), bodies capped while they are read.
 */
final class PinnedHttp {

    /** What to do with a body longer than the cap: fail (a spec), or keep the start (a liveness probe). */
    enum Overflow { FAIL, TRUNCATE }

    record Request(String method, URI uri, InetAddress address, Duration timeout, long maxBytes, Overflow overflow) {
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private PinnedHttp() {
    }

    static HttpAnswer send(Request request) throws IOException {
        URI uri = request.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        int timeout = (int) request.timeout().toMillis();
        long started = System.nanoTime();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(request.address(), port), timeout);
            plain.setSoTimeout(timeout);
            Socket socket = tls ? tls(plain, uri.getHost(), port) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(request.method(), uri, port, tls).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = headers(in);
            long latency = (System.nanoTime() - started) / 1_000_000;
            byte[] body = "HEAD".equals(request.method()) || status == 204 || status == 304 ? new byte[0]
                    : body(in, headers, request);
            return new HttpAnswer(uri, status, headers, body, latency);
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        try {
            SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.matches("[0-9.]+|\\[.*]")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static String requestHead(String method, URI uri, int port, boolean tls) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (tls ? 443 : 80);
        String host = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        return method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: ipdex-catalog\r\n"
                + "Accept: application/json, application/yaml, text/yaml, */*;q=0.5\r\n"
                + "Accept-Encoding: identity\r\nConnection: close\r\n\r\n";
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Map<String, String> headers, Request request) throws IOException {
        Capped out = new Capped(request.maxBytes(), request.overflow());
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (long size = chunkSize(line(in)); size > 0 && !out.full(); size = chunkSize(line(in))) {
                copy(in, out, size);
                line(in); // the CRLF after each chunk
            }
        } else if (headers.containsKey("content-length")) {
            copy(in, out, Long.parseLong(headers.get("content-length").strip()));
        } else {
            copy(in, out, Long.MAX_VALUE);
        }
        return out.toByteArray();
    }

    private static long chunkSize(String line) throws IOException {
        String hex = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
        try {
            return Long.parseLong(hex.strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + line);
        }
    }

    private static void copy(InputStream in, Capped out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0 && !out.full()) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length != Long.MAX_VALUE) {
                    throw new IOException("connection closed before the body ended");
                }
                return;
            }
            out.write(buffer, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    throw new IOException("connection closed");
                }
                break;
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A body buffer that stops at the cap: either by failing or by keeping what it has. */
    private static final class Capped {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long max;
        private final Overflow overflow;
        private boolean full;

        Capped(long max, Overflow overflow) {
            this.max = max;
            this.overflow = overflow;
        }

        void write(byte[] buffer, int n) {
            long room = max - bytes.size();
            if (n > room) {
                if (overflow == Overflow.FAIL) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE, "the body is longer than " + max + " bytes");
                }
                bytes.write(buffer, 0, (int) room);
                full = true;
                return;
            }
            bytes.write(buffer, 0, n);
        }

        boolean full() {
            return full;
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
