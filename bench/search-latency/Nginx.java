import org.ipdex.stack.ChildProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** nginx (the Debian package) as a plain reverse proxy with keep-alive to search-service: the baseline proxy. */
final class Nginx implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private Nginx(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(Path directory, int port, int upstreamPort) throws Exception {
        Files.createDirectories(directory.resolve("tmp"));
        Path conf = directory.resolve("nginx.conf");
        String d = directory.toString();
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  upstream search { server 127.0.0.1:%3$d; keepalive 64; }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://search;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """.formatted(d, port, upstreamPort));
        ChildProcess process = ChildProcess.start("nginx", List.of("nginx", "-p", d, "-c", conf.toString()),
                Map.of(), directory.resolve("nginx.log"), null);
        return new Nginx(process, port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
