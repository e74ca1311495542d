import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The README demo's client: loads the synthetic sample data set (source {@code sample}), then trains
 * on it, following each operation by pulling, the way any client of OpsBridge does (operation state, then metrics by cursor).
 *
 * <p>Run by {@code ./run.sh}; by hand: {@code java -cp 'backend/target/quarkus-app/lib/main/*' scripts/DemoWatch.java http://localhost:8080}.
 */
public class DemoWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        // 1. load the data set training needs (training refuses datasets that were never loaded)
        String load = "{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"timeframe\":\"1h\",\"source\":\"sample\"}";
        if (!follow(base, start(base, "/api/v1/data/loads", load))) {
            System.exit(1);
        }
        // 2. train on it
        String body = "{\"symbols\":[\"AAPL\",\"MSFT\",\"GOOG\"],\"timeframe\":\"1h\",\"epochs\":40,\"batch_size\":8,\"seed\":7}";
        System.exit(follow(base, start(base, "/api/v1/trainings", body)) ? 0 : 1);
    }

    private static String start(String base, String path, String body) throws Exception {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("POST " + path + " -> " + started.statusCode() + ", Location: "
                + started.headers().firstValue("Location").orElse("-"));
        if (started.statusCode() != 202) {
            System.out.println(started.body());
            System.exit(1);
        }
        return JSON.readTree(started.body()).path("operation_id").asText();
    }

    /** Pulls the operation and its metrics until it ends; true if it completed. */
    private static boolean follow(String base, String id) throws Exception {
        int cursor = 0;
        String lastLine = "";
        while (true) {
            JsonNode op = get(base + "/api/v1/operations/" + id);
            JsonNode metrics = get(base + "/api/v1/operations/" + id + "/metrics?cursor=" + cursor);
            for (JsonNode m : metrics.path("metrics")) {
                if (m.has("symbol")) {
                    System.out.printf("  %s: %s, %d rows loaded, %d rejected, %d issues (%d ms)%n", m.path("symbol").asText(),
                            m.path("status").asText(), m.path("rows_loaded").asLong(), m.path("rows_rejected").asLong(),
                            m.path("issues_found").asLong(), m.path("duration_ms").asLong());
                    continue;
                }
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
                JsonNode summary = op.path("result_summary");
                if (op.path("operation_type").asText().equals("data_loading") && summary.isObject()) {
                    System.out.printf("result: %d symbols, %d rows loaded, %d rejected, %d ms%n",
                            summary.path("symbols_loaded").asLong(), summary.path("rows_loaded").asLong(),
                            summary.path("rows_rejected").asLong(), summary.path("duration_ms").asLong());
                } else {
                    System.out.println("result_summary: " + summary.toPrettyString());
                }
                if (!op.path("error_message").isNull()) {
                    System.out.println("error_message: " + op.path("error_message").asText());
                }
                return status.equals("completed");
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
