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
 * client library would refuse to send most of them): a long URI, large headers and a too large body (announced or
 * chunked) are 4xx problem+json; what Quarkus or the codec refuse before any hook (HttpLayerProblems' javadoc
 * says which and why) is at least a 4xx or no answer, never a 5xx, and the server stays up.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URL base;

    /** A bad escape in the path or the query, or a URI that is not one: a 400 invalid-uri problem (InvalidUris). */
    @Test
    void aBadPercentEscapeIs400ProblemJson() throws IOException {
        for (String target : new String[] {"/api/v1/operations/op_%zz", "/api/v1/operations?status=%zz",
                "/api/v1/operations/x/metrics?cursor=%", "/%", "/api/v1/op%erations", "/api/v1/operations?q=a|b"}) {
            String answer = send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertProblem(answer, 400);
            assertThat(answer).as(target).contains("\"type\":\"urn:opsbridge:problem:invalid-uri\"");
        }
        assertThat(send("GET /api/v1/operations/op_%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("not followed by two hex digits");
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Refused by the HTTP codec (see HttpLayerProblems' javadoc): a 400, though with an empty body. */
    @Test
    void aNulInAHeaderIs400() throws IOException {
        assertThat(send("GET /api/v1/operations HTTP/1.1\r\nHost: x\r\nX-Note: a\0b\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Past the codec's own 1 MiB line limit the codec answers (an empty 414): still a 4xx, and the server stays up. */
    @Test
    void aRequestLinePastTheCodecLimitIs414() throws IOException {
        // the codec gave up before it read the version, so it answers in HTTP/1.0
        assertThat(send("GET /api/v1/operations?q=" + "a".repeat(1_100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 414 .*");
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

    @Test
    void aChunkedBodyOverOneMebibyteIs413ProblemJson() throws IOException {
        String head = "{\"symbols\":[\"";
        StringBuilder chunks = new StringBuilder(Integer.toHexString(head.length()) + "\r\n" + head + "\r\n");
        String chunk = "A".repeat(8192);
        for (int sent = 0; sent < 1_200_000; sent += chunk.length()) {
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        assertProblem(send("POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks + "0\r\n\r\n"), 413);
    }

    /** A small chunked body is read before the resource and still reaches it: here its validation answers. */
    @Test
    void aSmallChunkedBodyReachesTheResource() throws IOException {
        String body = "{\"symbols\":[]}";
        String answer = send("POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(body.length())
                + "\r\n" + body + "\r\n0\r\n\r\n");
        assertProblem(answer, 400);
        assertThat(answer).contains("\"field\":\"symbols\"");
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
