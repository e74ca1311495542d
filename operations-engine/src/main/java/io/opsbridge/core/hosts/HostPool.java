package io.opsbridge.core.hosts;

import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.HostUnreachableException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The worker hosts of one kind (training hosts, data hosts), used round robin: each start goes to
 * the next host, and one that cannot be reached or answers 503 (full) is skipped for the next, each
 * tried once, so one host down or busy does not stop the work while another can take it. Any other
 * answer, an error included, is the answer. The host list is read at every call, so a changed list
 * takes effect at the next start.
 *
 * <pre>{@code
 * HostPool pool = new HostPool("data", () -> settings.current().section(DataRoutingConfig.class).hosts().orElse(List.of()));
 * HostPool.Started<HostStarted> started = pool.onNextReachable(url -> start(url, request));
 * }</pre>
 */
public class HostPool {

    private static final Logger LOG = Logger.getLogger(HostPool.class);

    private final String kind;
    private final Supplier<List<String>> configured;
    private final AtomicInteger next = new AtomicInteger();

    /** A pool over the hosts {@code urls} gives at each call. */
    public HostPool(String kind, Supplier<List<String>> urls) {
        this.kind = kind;
        this.configured = urls;
    }

    /** A pool over a fixed list of hosts. */
    public HostPool(String kind, List<String> urls) {
        this(kind, () -> urls);
    }

    public boolean isEmpty() {
        return urls().isEmpty();
    }

    /**
     * The hosts configured now, normalized and without duplicates.
     *
     * @throws IllegalArgumentException if a URL is not an absolute http(s) URL
     */
    public List<String> urls() {
        List<String> urls = configured.get();
        return urls == null ? List.of() : urls.stream().filter(u -> u != null && !u.isBlank())
                .map(HostCalls::normalize).distinct().toList();
    }

    /**
     * Calls {@code call} with the next host in turn; if it cannot be reached or is full, tries the
     * following ones, each once.
     *
     * @throws IllegalStateException if no host is configured
     * @throws CapacityExceededException (503) if no host took it and at least one was full
     * @throws HostUnreachableException (503) if no host could be reached
     * @throws HostException whatever else a host answered (e.g. a 400), as it answered
     */
    public <T> Started<T> onNextReachable(Function<String, T> call) {
        List<String> urls = urls();
        if (urls.isEmpty()) {
            throw new IllegalStateException("no " + kind + " hosts are configured");
        }
        int first = Math.floorMod(next.getAndIncrement(), urls.size());
        HostException last = null;
        boolean full = false;
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get((first + i) % urls.size());
            try {
                return new Started<>(url, call.apply(url));
            } catch (HostUnreachableException e) {
                LOG.warnf("%s host %s unreachable, trying the next one (%d configured)", kind, url, urls.size());
                last = e;
            } catch (HostRejectedException e) {
                if (e.status() != 503) {
                    throw e;
                }
                LOG.warnf("%s host %s is full, trying the next one (%d configured)", kind, url, urls.size());
                full = true;
                last = e;
            }
        }
        if (full) {
            throw new CapacityExceededException("every " + kind + " host is busy; try again later");
        }
        throw new HostUnreachableException(last.hostUrl(), "no " + kind + " host is reachable (tried "
                + String.join(", ", urls) + "); last error: " + last.getMessage(), last);
    }

    /** What a host answered, and which host it was. */
    public record Started<T>(String hostUrl, T answer) {
    }
}
