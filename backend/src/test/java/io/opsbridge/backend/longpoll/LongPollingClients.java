package io.opsbridge.backend.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.backend.metrics.Scrapes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that follow one operation by long-poll, as the CLI and the web UI do: ask with the
 * version of the last answer, wait up to 5 s, repeat. Each keeps what it was answered and when.
 */
public final class LongPollingClients {

    /** One answer a client received: the operation's version and when the server read it ({@code updated_at}). */
    public record Answer(long version, Instant readAt) {
    }

    private static final Pattern UPDATED_AT = Pattern.compile("\"updated_at\":\"([^\"]+)\"");

    /** What {@link #followReadingWaiters} saw: each client's answers, and the waiters gauge at its highest meanwhile. */
    public record Run(List<List<Answer>> answers, double mostWaiting) {
    }

    private LongPollingClients() {
    }

    /** {@link #follow}, reading {@code opsbridge_longpoll_waiters} from {@code /q/metrics} as fast as it can meanwhile. */
    public static Run followReadingWaiters(URI operation, int clients, Duration duration) throws Exception {
        CompletableFuture<List<List<Answer>>> following = CompletableFuture.supplyAsync(() -> {
            try {
                return follow(operation, clients, duration);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double mostWaiting = 0;
        while (!following.isDone()) {
            mostWaiting = Math.max(mostWaiting, Scrapes.value(Scrapes.scrape(), "opsbridge_longpoll_waiters"));
        }
        return new Run(following.get(), mostWaiting);
    }

    /** {@code clients} clients, each on its own connection, long-polling {@code operation} for {@code duration}. */
    public static List<List<Answer>> follow(URI operation, int clients, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long until = System.nanoTime() + duration.toNanos();
            List<Future<List<Answer>>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                runs.add(threads.submit(() -> oneClient(operation, until)));
            }
            List<List<Answer>> answers = new ArrayList<>();
            for (Future<List<Answer>> run : runs) {
                answers.add(run.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Answer> oneClient(URI operation, long until) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Answer> answers = new ArrayList<>();
        long version = 0;
        while (System.nanoTime() < until) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(operation + "?wait=5s&since_version=" + version)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            version = Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            Matcher readAt = UPDATED_AT.matcher(response.body());
            assertThat(readAt.find()).as(response.body()).isTrue();
            answers.add(new Answer(version, Instant.parse(readAt.group(1))));
            if (response.body().contains("\"status\":\"completed\"") || response.body().contains("\"status\":\"failed\"")) {
                break;
            }
        }
        return answers;
    }
}
