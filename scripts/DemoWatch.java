import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The README demo's client: starts a short training on the synthetic sample data and follows it by
 * pulling, the way any client of OpsBridge does (operation state, then metrics by cursor).
 *
 * <p>Run by {@code ./run.sh}; by hand: {@code java -cp 'backend/target/quarkus-app/lib/main/*' scripts/DemoWatch.java http://localhost:8080}.
 */
public class DemoWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String body = "{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"timeframe\":\"1h\",\"epochs\":40,\"batch_size\":8,\"seed\":7}";
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/trainings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("POST /api/v1/trainings -> " + started.statusCode() + ", Location: "
                + started.headers().firstValue("Location").orElse("-"));
        if (started.statusCode() != 202) {
            System.out.println(started.body());
            System.exit(1);
        }
        String id = JSON.readTree(started.body()).path("operation_id").asText();
        int cursor = 0;
        String lastLine = "";
        while (true) {
            JsonNode op = get(base + "/api/v1/operations/" + id);
            JsonNode metrics = get(base + "/api/v1/operations/" + id + "/metrics?cursor=" + cursor);
            for (JsonNode m : metrics.path("metrics")) {
                System.out.printf("  epoch %d: train_loss=%.4f train_acc=%.3f val_loss=%.4f val_acc=%.3f (%d ms)%n",
                        m.path("epoch").asInt(), m.path("train_loss").asDouble(), m.path("train_accuracy").asDouble(),
                        m.path("val_loss").asDouble(), m.path("val_accuracy").asDouble(), m.path("duration_ms").asLong());
            }
            cursor = metrics.path("new_cursor").asInt();
            JsonNode progress = op.path("progress");
            String line = String.format("[%-9s] %5.1f%%  %s  %s", op.path("status").asText(),
                    progress.path("percentage").asDouble(), progress.path("current_step").asText(""),
                    progress.path("message").asText(""));
            if (!line.equals(lastLine)) {
                System.out.println(line);
                lastLine = line;
            }
            String status = op.path("status").asText();
            if (!status.equals("pending") && !status.equals("running")) {
                System.out.println("result_summary: " + op.path("result_summary").toPrettyString());
                if (!op.path("error_message").isNull()) {
                    System.out.println("error_message: " + op.path("error_message").asText());
                }
                System.exit(status.equals("completed") ? 0 : 1);
            }
            Thread.sleep(500);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
