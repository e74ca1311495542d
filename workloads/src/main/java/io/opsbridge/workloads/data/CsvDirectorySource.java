package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.OhlcvCsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    /** The {@code *.csv} files the directory holds, by name; empty if it does not exist. */
    public List<String> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public DataSourceInfo info() {
        return new DataSourceInfo(name(), "broker exports named {SYMBOL}_{timeframe}.csv in the source directory",
                dir.toAbsolutePath().normalize().toString(), files());
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
