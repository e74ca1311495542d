package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.OhlcvCsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's datasets: one normalized {@code {SYMBOL}_{timeframe}.csv} per dataset in one
 * directory, the very files training reads ({@link OhlcvCsvReader}). A dataset exists once a load
 * wrote it; training on one that does not exist is refused.
 *
 * <p>Writes are atomic and exclusive: {@link #openWriter} takes the dataset's lock (in this JVM and,
 * through a file lock, against other processes sharing the directory) or fails at once, and the new
 * content becomes visible only at {@link DatasetWriter#commit()}, by an atomic rename. A crash or
 * failure before that leaves the previous dataset as it was.
 */
public class DatasetStore {

    static final String LOCK_DIR = ".locks";

    private final Path dir;
    private final Set<String> writing = ConcurrentHashMap.newKeySet();

    public DatasetStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file of a dataset, e.g. {@code AAPL_1h.csv}, whether or not it exists. */
    public Path file(String symbol, String timeframe) {
        return dir.resolve(OhlcvCsvReader.fileName(symbol, timeframe));
    }

    /** Whether a load has written this dataset. */
    public boolean exists(String symbol, String timeframe) {
        return Files.isRegularFile(file(symbol, timeframe));
    }

    /**
     * Starts replacing a dataset; close the writer (try-with-resources) whatever happens.
     *
     * @throws DatasetBusyException if another load is writing the same dataset right now
     */
    public DatasetWriter openWriter(String symbol, String timeframe) {
        String key = OhlcvCsvReader.fileName(symbol, timeframe);
        if (!writing.add(key)) {
            throw new DatasetBusyException(symbol, timeframe);
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir.resolve(LOCK_DIR));
            lockChannel = FileChannel.open(dir.resolve(LOCK_DIR).resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new DatasetBusyException(symbol, timeframe);
            }
            Path target = file(symbol, timeframe);
            Path tmp = Files.createTempFile(dir, "." + key + ".", ".tmp");
            FileChannel held = lockChannel;
            return new DatasetWriter(target, tmp, () -> release(key, held));
        } catch (IOException e) {
            release(key, lockChannel);
            throw new UncheckedIOException("cannot write dataset " + key + " in " + dir, e);
        } catch (RuntimeException e) {
            release(key, lockChannel);
            throw e;
        }
    }

    private void release(String key, FileChannel lockChannel) {
        try {
            if (lockChannel != null) {
                lockChannel.close(); // releases the file lock
            }
        } catch (IOException ignored) {
            // the lock goes with the channel in any case
        } finally {
            writing.remove(key);
        }
    }

    /** Another load holds the dataset's lock. */
    public static class DatasetBusyException extends RuntimeException {
        public DatasetBusyException(String symbol, String timeframe) {
            super("dataset " + symbol + " " + timeframe + " is being written by another load; try again when it has finished");
        }
    }
}
