package io.opsbridge.backend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real nginx as a round-robin load balancer in front of backend replicas, from a config this test
 * writes (the one docs/replicas.md shows), on a free port, every file under {@code dir}.
 */
final class NginxProcess implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final int port;

    private NginxProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static NginxProcess roundRobin(Path dir, List<Integer> upstreamPorts) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String servers = upstreamPorts.stream().map(p -> "    server 127.0.0.1:" + p + ";")
                .collect(Collectors.joining("\n"));
        String temp = dir.resolve("tmp").toAbsolutePath().toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  log_format upstream '$request $status $upstream_addr';
                  access_log %1$s/access.log upstream;
                  client_body_temp_path %2$s/body; proxy_temp_path %2$s/proxy; fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi; scgi_temp_path %2$s/scgi;
                  upstream opsbridge {
                %3$s
                  }
                  server {
                    listen 127.0.0.1:%4$d;
                    location / {
                      proxy_pass http://opsbridge;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_read_timeout 60s;
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), temp, servers, port));
        // Debian installs it in /usr/sbin, which a user's PATH may lack
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process nginx = new ProcessBuilder(binary, "-p", dir.toAbsolutePath().toString(), "-c",
                dir.resolve("nginx.conf").toAbsolutePath().toString(), "-e", dir.resolve("error.log").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxProcess started = new NginxProcess(nginx, dir, port);
        int listening = port;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket ignored = new Socket("127.0.0.1", listening)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return started;
    }

    /**
     * Sends one request through nginx and answers the upstream (host:port) nginx sent it to. nginx logs a request
     * only after its answer went out, so this waits for the request's own line instead of reading the last one.
     */
    String upstreamOf(Runnable request) throws IOException {
        int before = Files.readAllLines(dir.resolve("access.log")).size();
        request.run();
        List<String> lines = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> Files.readAllLines(dir.resolve("access.log")), logged -> logged.size() > before);
        String line = lines.get(before);
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    /** Every upstream (host:port) that answered a request whose line contains {@code part}. */
    List<String> upstreamsOf(String part) throws IOException {
        return Files.readAllLines(dir.resolve("access.log")).stream().filter(l -> l.contains(part))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().sorted().toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
