package io.opsbridge.workloads.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where bars come from: gives the CSV text of one symbol at one timeframe. The loader parses and
 * validates every source the same way, so a new source only has to produce that text.
 */
public interface MarketDataSource {

    /** The name a request uses, e.g. {@code csv} or {@code sample}. */
    String name();

    /** What {@code GET /api/v1/data/sources} says about this source. */
    DataSourceInfo info();

    /** Whether the source has anything for this symbol and timeframe (checked before a load is accepted). */
    boolean has(String symbol, String timeframe);

    /**
     * Opens the symbol's bars; the caller closes the result.
     *
     * @throws DataFileException if there is nothing to read for it
     */
    Input open(String symbol, String timeframe, DateRange range);

    /**
     * An open source file.
     *
     * @param name        what messages call it, e.g. {@code AAPL_1h.csv}
     * @param sizeChars   its size in characters, to estimate rows; 0 if unknown
     * @param description a line saying where the data came from, kept in the dataset
     */
    record Input(String name, BufferedReader reader, long sizeChars, String description) implements AutoCloseable {
        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
