package io.opsbridge.core.bridge;

import io.opsbridge.api.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One operation's log in the process that runs it: a ring of the last {@code capacity} lines,
 * numbered from 0 in the order written, read by cursor like the bridge's metrics.
 *
 * <p>The worker's write is a plain synchronous call: a few array stores under this object's lock,
 * no I/O and no allocation beyond the line's text (the arrays are made once, at the capacity).
 * The first write after a save tells the {@link #onFirstUnsaved listener} once, so the write-behind
 * ({@code core.logs.LogSaves}) can schedule one save; it must only schedule, never save on the writer's thread.
 */
public final class OperationLog {

    /** A longer line is cut here: one runaway message must not fill the log's memory. */
    static final int MAX_LINE_LENGTH = 4000;

    private final String operationId;
    private final long[] times;
    private final byte[] levels;
    private final String[] messages;
    /** The seq the next line gets: lines {@code [max(0, next - capacity), next)} are held. */
    private int next;
    /** Lines before this seq are stored; read and moved by the saver. */
    private int savedUpTo;
    private boolean saveWanted;
    private final Consumer<OperationLog> onFirstUnsaved;

    /**
     * @param onFirstUnsaved given this log on the writer's thread, outside the lock, when a line is written with no save
     *                       pending; must only schedule one
     */
    public OperationLog(String operationId, int capacity, Consumer<OperationLog> onFirstUnsaved) {
        this(operationId, capacity, onFirstUnsaved, 0);
    }

    /** A log whose first line gets {@code firstSeq}: a new attempt's log goes on after the lines stored before. */
    public OperationLog(String operationId, int capacity, Consumer<OperationLog> onFirstUnsaved, int firstSeq) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a log holds at least one line, capacity was " + capacity);
        }
        this.operationId = operationId;
        this.times = new long[capacity];
        this.levels = new byte[capacity];
        this.messages = new String[capacity];
        this.onFirstUnsaved = onFirstUnsaved;
        this.next = firstSeq;
        this.savedUpTo = firstSeq;
    }

    public String operationId() {
        return operationId;
    }

    /** Writes one line at {@code level}; a null message is written as an empty line. */
    public void append(LogLevel level, String message) {
        boolean tell;
        String text = message == null ? "" : message.length() > MAX_LINE_LENGTH ? message.substring(0, MAX_LINE_LENGTH) : message;
        long now = System.currentTimeMillis();
        synchronized (this) {
            int slot = next % messages.length;
            times[slot] = now;
            levels[slot] = (byte) level.ordinal();
            messages[slot] = text;
            next++;
            tell = !saveWanted;
            saveWanted = true;
        }
        if (tell) {
            onFirstUnsaved.accept(this);
        }
    }

    public void info(String message) {
        append(LogLevel.INFO, message);
    }

    public void warn(String message) {
        append(LogLevel.WARN, message);
    }

    public void error(String message) {
        append(LogLevel.ERROR, message);
    }

    /** The seq the next line will get: how many lines were ever written (earlier attempts included). */
    public synchronized int end() {
        return next;
    }

    /** At most {@code max} lines at and after {@code cursor}; see {@link LogPage}. */
    public synchronized LogPage page(int cursor, int max) {
        int first = Math.max(0, next - messages.length);
        int from = Math.max(cursor, first);
        int to = Math.min(next, from + max);
        List<LogLine> lines = new ArrayList<>(Math.max(0, to - from));
        for (int seq = from; seq < to; seq++) {
            lines.add(line(seq));
        }
        int dropped = cursor < first ? first - cursor : 0;
        return new LogPage(List.copyOf(lines), Math.max(cursor, to), dropped);
    }

    /** The lines written since the last {@link #saved}, oldest first (those the ring still holds). */
    public synchronized List<LogLine> unsaved() {
        saveWanted = false;
        int from = Math.max(savedUpTo, next - messages.length);
        List<LogLine> lines = new ArrayList<>(next - from);
        for (int seq = from; seq < next; seq++) {
            lines.add(line(seq));
        }
        return lines;
    }

    /** Lines before {@code seq} are stored. */
    public synchronized void saved(int seq) {
        savedUpTo = Math.max(savedUpTo, seq);
    }

    private LogLine line(int seq) {
        int slot = seq % messages.length;
        return new LogLine(seq, Instant.ofEpochMilli(times[slot]), LogLevel.ofOrdinal(levels[slot]).wireName(),
                messages[slot]);
    }
}
