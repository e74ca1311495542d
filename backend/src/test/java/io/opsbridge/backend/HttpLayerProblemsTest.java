package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP layer refuses before any resource sees them, sent as raw bytes on a socket (an HTTP
 * client library would refuse to send most of them): a long URI, large headers and a too large body are
 * 4xx problem+json; what Vert.x refuses while decoding is at least never a 5xx.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URL base;

    /** Refused by Vert.x while decoding, before any hook Quarkus offers: a 400, though with an empty body. */
    @Test
    void aBadPercentEscapeIs400() throws IOException {
        assertThat(send("GET /api/v1/operations/op_%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aLongUriIs414ProblemJson() throws IOException {
        assertProblem(send("GET /api/v1/operations?q=" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 414);
    }

    @Test
    void largeHeadersAre431ProblemJson() throws IOException {
        assertProblem(send("GET /api/v1/operations HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(30_000)
                + "\r\nConnection: close\r\n\r\n"), 431);
    }

    @Test
    void aBodyOverOneMebibyteIs413ProblemJson() throws IOException {
        String body = "{\"symbols\":[\"" + "A".repeat(1_100_000) + "\"]}";
        assertProblem(send("POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body), 413);
    }

    /** Vert.x closes the connection on a broken chunk (no answer at all): never a 5xx, and the server stays up. */
    @Test
    void aMalformedChunkedBodyIsNeverA5xx() throws IOException {
        assertThat(send("POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"sym\r\nZZ-not-hex\r\nbroken\r\n0\r\n\r\n"))
                .doesNotStartWith("HTTP/1.1 5");
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).as("the raw answer").startsWith("HTTP/1.1 " + status + " ");
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"status\":" + status).contains("\"title\":").doesNotContain("Exception")
                .doesNotContain("io.vertx").doesNotContain("java.");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading all of a large request: read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // keep what arrived
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
