package io.opsbridge.core.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The worker hosts of one kind (training hosts, data hosts), used round robin: each start goes to
 * the next host, and a host that cannot be reached is skipped for the next one, so one host down
 * does not stop the work while another is up. A host that answers (even with an error) is not
 * skipped: its answer is the answer.
 *
 * <pre>{@code
 * HostPool pool = new HostPool("data", List.of("http://data-1:8082", "http://data-2:8082"));
 * StartResponse started = pool.onNextReachable(url -> client.forHost(url).start(request));
 * }</pre>
 */
public class HostPool {

    private static final Logger LOG = Logger.getLogger(HostPool.class);

    private final String kind;
    private final List<String> urls;
    private final AtomicInteger next = new AtomicInteger();

    /** @throws IllegalArgumentException if a URL is not an absolute http(s) URL */
    public HostPool(String kind, List<String> urls) {
        this.kind = kind;
        this.urls = urls.stream().filter(u -> u != null && !u.isBlank()).map(HostCalls::normalize).distinct().toList();
    }

    public boolean isEmpty() {
        return urls.isEmpty();
    }

    public List<String> urls() {
        return urls;
    }

    /**
     * Calls {@code call} with the next host in turn; on {@link HostUnreachableException} tries the
     * following ones, each once.
     *
     * @throws IllegalStateException if no host is configured
     * @throws HostUnreachableException if no host could be reached (the last one's failure)
     */
    public <T> Started<T> onNextReachable(Function<String, T> call) {
        if (urls.isEmpty()) {
            throw new IllegalStateException("no " + kind + " hosts are configured");
        }
        int first = Math.floorMod(next.getAndIncrement(), urls.size());
        HostUnreachableException last = null;
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get((first + i) % urls.size());
            try {
                return new Started<>(url, call.apply(url));
            } catch (HostUnreachableException e) {
                LOG.warnf("%s host %s unreachable, trying the next one (%d configured)", kind, url, urls.size());
                last = e;
            }
        }
        throw last;
    }

    /** What a host answered, and which host it was. */
    public record Started<T>(String hostUrl, T answer) {
    }
}
