package io.opsbridge.workloads.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes one dataset into a hidden temporary file beside it; {@link #commit()} syncs it and renames
 * it over the dataset in one atomic step. {@link #close()} without a commit deletes the temporary
 * file, so the previous dataset stays whole. Either way the dataset's lock is released.
 */
public final class DatasetWriter implements AutoCloseable {

    private final Path target;
    private final Path tmp;
    private final Runnable unlock;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(96);
    private boolean committed;
    private boolean closed;

    DatasetWriter(Path target, Path tmp, Runnable unlock) throws IOException {
        this.target = target;
        this.tmp = tmp;
        this.unlock = unlock;
        this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                1 << 16);
    }

    /** A {@code #} line (the training reader skips them), e.g. where the data came from. */
    public void comment(String text) {
        write("# " + text.replace('\n', ' ') + "\n");
    }

    /** The column header; call once, before the first bar. */
    public void header() {
        write("timestamp,open,high,low,close,volume\n");
    }

    /** One bar, timestamp as ISO-8601 UTC and numbers as the source wrote them. */
    public void bar(BarRow row) {
        line.setLength(0);
        line.append(row.timestamp).append(',').append(row.text[0]).append(',').append(row.text[1]).append(',')
                .append(row.text[2]).append(',').append(row.text[3]).append(',').append(row.text[4]).append('\n');
        write(line);
    }

    /** The temporary file, for tests that look at a write in progress. */
    Path tmpFile() {
        return tmp;
    }

    /** Makes the new content the dataset, atomically. */
    public void commit() {
        try {
            out.flush();
            channel.force(true);
            out.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit dataset " + target, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + tmp, e);
        } finally {
            unlock.run();
        }
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
    }
}
