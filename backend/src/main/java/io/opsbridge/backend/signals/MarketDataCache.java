package io.opsbridge.backend.signals;

import io.opsbridge.workloads.training.TrainingConfig;
import io.opsbridge.workloads.training.MarketDataException;
import io.opsbridge.workloads.training.OhlcvBar;
import io.opsbridge.workloads.training.OhlcvCsvReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The data sets in {@code opsbridge.training.data-dir}, parsed once and kept until their file
 * changes (size or modification time), so a signal request does not re-read CSV files.
 */
@ApplicationScoped
public class MarketDataCache {

    private record Entry(long size, long modified, List<OhlcvBar> bars) {
    }

    private final OhlcvCsvReader reader;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    public MarketDataCache(TrainingConfig config) {
        this.reader = new OhlcvCsvReader(config.dataDir());
    }

    /**
     * All bars of a symbol at a timeframe, oldest first.
     *
     * @throws MissingMarketDataException if there is no such file
     */
    public List<OhlcvBar> bars(String symbol, String timeframe) {
        Path file = reader.file(symbol, timeframe);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new MissingMarketDataException("no data for " + symbol + " at " + timeframe + " (expected "
                    + OhlcvCsvReader.fileName(symbol, timeframe) + ")");
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Entry entry = cache.get(file.toString());
        if (entry == null || entry.size() != size || entry.modified() != modified) {
            try {
                entry = new Entry(size, modified, List.copyOf(reader.read(symbol, timeframe)));
            } catch (MarketDataException e) {
                throw new MissingMarketDataException("unreadable data for " + symbol + " at " + timeframe + ": "
                        + e.getMessage());
            }
            cache.put(file.toString(), entry);
        }
        return entry.bars();
    }
}
