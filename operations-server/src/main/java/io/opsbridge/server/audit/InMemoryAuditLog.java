package io.opsbridge.server.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The last 10,000 entries in memory: for hosts and tests without a database. */
@DefaultBean
@Singleton
public class InMemoryAuditLog implements AuditLog {

    private static final int CAPACITY = 10_000;

    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query) {
        List<AuditEntry> found = new ArrayList<>();
        for (Iterator<AuditEntry> it = entries.descendingIterator(); it.hasNext() && found.size() < query.limit(); ) {
            AuditEntry e = it.next();
            if ((query.since() == null || !e.at().isBefore(query.since()))
                    && (query.actor() == null || query.actor().equals(e.actor()))
                    && (query.action() == null || e.action().contains(query.action()))) {
                found.add(e);
            }
        }
        return found;
    }
}
