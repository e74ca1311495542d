package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.OhlcvCsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Broker exports dropped into a directory as {@code {SYMBOL}_{timeframe}.csv} (source {@code csv}). */
public class CsvDirectorySource implements MarketDataSource {

    private final Path dir;

    public CsvDirectorySource(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return DataLoadRequest.SOURCE_CSV;
    }

    public Path file(String symbol, String timeframe) {
        return dir.resolve(OhlcvCsvReader.fileName(symbol, timeframe));
    }

    @Override
    public boolean has(String symbol, String timeframe) {
        return Files.isRegularFile(file(symbol, timeframe));
    }

    @Override
    public Input open(String symbol, String timeframe, DateRange range) {
        Path file = file(symbol, timeframe);
        if (!Files.isRegularFile(file)) {
            throw new DataFileException("no source file " + file.getFileName() + " in " + dir);
        }
        try {
            return new Input(file.getFileName().toString(), Files.newBufferedReader(file, StandardCharsets.UTF_8),
                    Files.size(file), "source=csv file=" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public String toString() {
        return "csv source " + dir;
    }
}
