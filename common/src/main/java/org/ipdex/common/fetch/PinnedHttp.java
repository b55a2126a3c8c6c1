package org.ipdex.common.fetch;

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
 * against the host name (SNI + HTTPS endpoint identification). One request per connection, no redirects (see
 * {@link SafeHttp}); the body is streamed, so a caller decides how much of it to read.
 */
final class PinnedHttp {

    /** @param headers sent after the fixed ones; {@code body} empty for GET and HEAD */
    record Request(String method, URI uri, InetAddress address, Duration timeout, String userAgent,
                   Map<String, String> headers, byte[] body) {

        Request(String method, URI uri, InetAddress address, Duration timeout, String userAgent) {
            this(method, uri, address, timeout, userAgent, Map.of(), new byte[0]);
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private PinnedHttp() {
    }

    static PinnedResponse send(Request request) throws IOException {
        URI uri = request.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        int timeout = (int) request.timeout().toMillis();
        long started = System.nanoTime();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(request.address(), port), timeout);
            plain.setSoTimeout(timeout);
            Socket socket = tls ? tls(plain, uri.getHost(), port) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(request, port, tls).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = headers(in);
            long latency = (System.nanoTime() - started) / 1_000_000;
            boolean empty = "HEAD".equals(request.method()) || status == 204 || status == 304;
            return new PinnedResponse(uri, status, headers, empty ? InputStream.nullInputStream() : body(in, headers),
                    latency, socket);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
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

    private static String requestHead(Request request, int port, boolean tls) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (tls ? 443 : 80);
        String host = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nUser-Agent: ").append(request.userAgent())
                .append("\r\nAccept: application/json, application/yaml, text/yaml, */*;q=0.5\r\n")
                .append("Accept-Encoding: identity\r\nConnection: close\r\n");
        request.headers().forEach((name, value) -> {
            if (name.contains("\r") || name.contains("\n") || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("a header with a line break: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        if (request.body().length > 0 || "POST".equals(request.method())) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString();
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

    private static InputStream body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            return new ChunkedBody(in);
        }
        if (headers.containsKey("content-length")) {
            try {
                return new LengthBody(in, Long.parseLong(headers.get("content-length").strip()));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + headers.get("content-length"));
            }
        }
        return in;
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

    /** Exactly Content-Length bytes; an early end of the connection is an error, not a short body. */
    private static final class LengthBody extends InputStream {
        private final InputStream in;
        private long left;

        LengthBody(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new IOException("connection closed before the body ended");
            }
            left -= n;
            return n;
        }
    }

    /** Transfer-Encoding: chunked, decoded; trailers are skipped. */
    private static final class ChunkedBody extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = chunkSize(line(in));
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new IOException("connection closed inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(in); // the CRLF after each chunk
            }
            return n;
        }

        private static long chunkSize(String line) throws IOException {
            String hex = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
            try {
                return Long.parseLong(hex.strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + line);
            }
        }
    }
}
