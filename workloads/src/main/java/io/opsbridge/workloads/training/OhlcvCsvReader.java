package io.opsbridge.workloads.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@code {dataDir}/{SYMBOL}_{timeframe}.csv} with the columns
 * {@code timestamp,open,high,low,close,volume}.
 *
 * <p>The header line is optional, lines starting with {@code #} are comments, timestamps are read by
 * {@link Timestamps} (ISO-8601, a date only, or epoch seconds or milliseconds). Bars come back in time order.
 */
public class OhlcvCsvReader {

    private final Path dataDir;

    public OhlcvCsvReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The file name for a symbol and timeframe, e.g. {@code AAPL_1h.csv}. */
    public static String fileName(String symbol, String timeframe) {
        return symbol + "_" + timeframe + ".csv";
    }

    public Path file(String symbol, String timeframe) {
        return dataDir.resolve(fileName(symbol, timeframe));
    }

    public boolean exists(String symbol, String timeframe) {
        return Files.isRegularFile(file(symbol, timeframe));
    }

    /**
     * All bars of a symbol at a timeframe.
     *
     * @throws MarketDataException if the file is missing or a line is malformed (naming file and line)
     */
    public List<OhlcvBar> read(String symbol, String timeframe) {
        Path file = file(symbol, timeframe);
        List<OhlcvBar> bars = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || isHeader(trimmed, bars)) {
                    continue;
                }
                bars.add(parseLine(trimmed, file, lineNumber));
            }
        } catch (IOException e) {
            throw new MarketDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        bars.sort(Comparator.comparing(OhlcvBar::timestamp));
        return bars;
    }

    private static boolean isHeader(String line, List<OhlcvBar> barsSoFar) {
        return barsSoFar.isEmpty() && Character.isLetter(line.charAt(0));
    }

    private static OhlcvBar parseLine(String line, Path file, int lineNumber) {
        String[] cols = line.split(",");
        if (cols.length < 6) {
            throw malformed(file, lineNumber, "expected 6 columns, found " + cols.length);
        }
        try {
            return new OhlcvBar(Timestamps.parse(cols[0].strip()),
                    Double.parseDouble(cols[1].strip()), Double.parseDouble(cols[2].strip()),
                    Double.parseDouble(cols[3].strip()), Double.parseDouble(cols[4].strip()),
                    Double.parseDouble(cols[5].strip()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(file, lineNumber, e.getMessage());
        }
    }

    private static MarketDataException malformed(Path file, int lineNumber, String why) {
        return new MarketDataException(file.getFileName() + " line " + lineNumber + ": " + why);
    }
}
