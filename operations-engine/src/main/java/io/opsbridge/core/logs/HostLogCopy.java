package io.opsbridge.core.logs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostNotFoundException;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Follows the log of an operation that runs on a worker host, when a client reads it: the host's
 * lines after the last one stored here are fetched through the proxy and stored at the host's
 * positions (so replicas that copy the same lines store them once). A finished operation is copied
 * to its end once per process, then served from the store alone; a host that does not answer
 * leaves the lines stored so far as the answer. Nothing runs between reads.
 */
final class HostLogCopy {

    private static final Logger LOG = Logger.getLogger(HostLogCopy.class);
    /** Pages fetched per read at most: a reader far behind catches up over a few reads. */
    private static final int MAX_PAGES = 20;

    private final OperationStore store;
    private final Function<String, OperationServiceProxy> proxies;
    private final Settings settings;
    /** Finished host operations whose log was copied to its end (or whose host has forgotten them). */
    private final Cache<String, Boolean> copiedToEnd = Caffeine.newBuilder().maximumSize(10_000).build();

    HostLogCopy(OperationStore store, Function<String, OperationServiceProxy> proxies, Settings settings) {
        this.store = store;
        this.proxies = proxies;
        this.settings = settings;
    }

    /** Copies what the host has of {@code info}'s log beyond what is stored, if it runs (or ran) on a host. */
    void catchUp(OperationInfo info) {
        OperationMetadata m = info.metadata();
        if (m == null || !"host".equals(m.mode()) || m.hostServiceUrl() == null || m.hostOperationId() == null
                || copiedToEnd.getIfPresent(info.operationId()) != null) {
            return;
        }
        try {
            copy(info.operationId(), proxies.apply(m.hostServiceUrl()), m.hostOperationId());
            if (info.status().isTerminal()) {
                copiedToEnd.put(info.operationId(), true);
            }
        } catch (HostNotFoundException e) {
            copiedToEnd.put(info.operationId(), true);
            LOG.debugf("log of %s: the host no longer has %s; the stored lines are all there is", info.operationId(),
                    m.hostOperationId());
        } catch (HostException e) {
            LOG.debugf("log of %s: host not read (%s); answering the stored lines", info.operationId(), e.getMessage());
        }
    }

    private void copy(String operationId, OperationServiceProxy proxy, String hostOperationId) {
        int cursor = store.logEnd(operationId);
        for (int page = 0; page < MAX_PAGES; page++) {
            LogsResponse answer = proxy.logs(hostOperationId, cursor);
            if (answer.lines().isEmpty()) {
                return;
            }
            store.appendLog(operationId, answer.lines(), settings.current().store().logMaxLines());
            if (answer.newCursor() <= cursor) {
                return;
            }
            cursor = answer.newCursor();
        }
    }
}
