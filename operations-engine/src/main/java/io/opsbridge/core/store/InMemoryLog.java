package io.opsbridge.core.store;

import io.opsbridge.api.LogLine;
import io.opsbridge.core.bridge.LogPage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One operation's stored log in {@link InMemoryOperationStore}: the lines kept, oldest first. */
final class InMemoryLog {

    private final Deque<LogLine> lines = new ArrayDeque<>();

    synchronized void append(List<LogLine> more, int keep) {
        int end = end();
        for (LogLine line : more) {
            if (line.seq() >= end) {
                lines.addLast(line);
                end = line.seq() + 1;
            }
        }
        while (!lines.isEmpty() && lines.peekFirst().seq() <= end - 1 - keep) {
            lines.removeFirst();
        }
    }

    synchronized LogPage page(int cursor, int max) {
        if (lines.isEmpty()) {
            return LogPage.empty(cursor);
        }
        List<LogLine> page = new ArrayList<>();
        for (LogLine line : lines) {
            if (line.seq() >= cursor && page.size() < max) {
                page.add(line);
            }
        }
        int first = lines.peekFirst().seq();
        int next = page.isEmpty() ? Math.max(cursor, end()) : page.get(page.size() - 1).seq() + 1;
        return new LogPage(List.copyOf(page), next, cursor < first ? first - cursor : 0);
    }

    synchronized int end() {
        return lines.isEmpty() ? 0 : lines.peekLast().seq() + 1;
    }
}
