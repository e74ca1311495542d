package io.opsbridge.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How server answers become one-line errors, against a stub server (JDK HttpServer on a free port). */
class OpsBridgeClientTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void problemJsonBecomesOneLineWithTitleDetailAndField() throws IOException {
        serve(400, "application/problem+json", "{\"type\":\"urn:opsbridge:problem:invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"must be\\n between 1 and 500\",\"field\":\"limit\"}");

        assertThatThrownBy(() -> client().list(null, null, 9999, 0))
                .isInstanceOf(ApiException.class)
                .hasMessage("400 Invalid request: must be between 1 and 500 (field limit)")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void aMissingEndpointSaysWhichCallTheServerLacks() throws IOException {
        serve(404, "text/html", "<html><body>Resource not found</body></html>");

        assertThatThrownBy(() -> client().startDataLoad(java.util.Map.of("symbols", java.util.List.of("AAPL"))))
                .hasMessage("404 Not Found: this server has no POST /api/v1/data/loads (is it an older version?)");
    }

    @Test
    void aFrameworkDefaultDetailIsReplacedByWhatWasMissing() throws IOException {
        serve(404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"HTTP 404 Not Found\"}");

        assertThatThrownBy(() -> client().startDataLoad(java.util.Map.of()))
                .hasMessage("404 Not Found: this server has no POST /api/v1/data/loads");
    }

    @Test
    void connectionRefusedNamesTheUrl() throws IOException {
        serve(200, "application/json", "{}");
        int port = server.getAddress().getPort();
        server.stop(0);

        assertThatThrownBy(() -> new OpsBridgeClient(URI.create("http://127.0.0.1:" + port)).operation("op_1"))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageStartingWith("cannot reach the OpsBridge server at http://127.0.0.1:" + port
                        + " (connection refused)");
    }

    private void serve(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private OpsBridgeClient client() {
        return new OpsBridgeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }
}
