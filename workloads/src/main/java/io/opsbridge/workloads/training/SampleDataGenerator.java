package io.opsbridge.workloads.training;

import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes SYNTHETIC price data: a seeded random walk, not market data. It exists so that a fresh
 * checkout can train end to end without downloading anything.
 *
 * <p>Files use the normal {@code {SYMBOL}_{timeframe}.csv} name so the reader needs no special
 * case, and start with a {@code # SYNTHETIC} comment line that says what they are. Existing files
 * are never overwritten; new ones appear whole (written to a temporary file, then moved).
 * The same seed, symbol, timeframe and bar count always give the same bytes.
 */
public class SampleDataGenerator {

    public static final List<String> DEFAULT_SYMBOLS = List.of("AAPL", "MSFT", "GOOG");
    public static final String DEFAULT_TIMEFRAME = "1h";
    public static final int DEFAULT_BARS = 2000;
    public static final long DEFAULT_SEED = 42L;

    private static final Logger LOG = Logger.getLogger(SampleDataGenerator.class);
    /** The time of every walk's first bar. */
    public static final Instant START = Instant.parse("2024-01-02T00:00:00Z");
    private static final double VOLATILITY = 0.005;
    private static final double MOMENTUM = 0.1;

    private final long seed;

    public SampleDataGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes the default sample set (AAPL, MSFT, GOOG at 1h, 2000 bars) where it is missing. */
    public List<Path> ensureDefaults(Path dataDir) {
        return generate(dataDir, DEFAULT_SYMBOLS, DEFAULT_TIMEFRAME, DEFAULT_BARS);
    }

    /** Writes one file per symbol unless it exists already; returns the paths of all of them. */
    public List<Path> generate(Path dataDir, List<String> symbols, String timeframe, int bars) {
        Duration step = Timeframes.duration(timeframe);
        List<Path> files = new ArrayList<>(symbols.size());
        try {
            Files.createDirectories(dataDir);
            for (String symbol : symbols) {
                Path target = dataDir.resolve(OhlcvCsvReader.fileName(symbol, timeframe));
                if (!Files.exists(target)) {
                    writeAtomically(target, symbol, step, bars);
                    LOG.infof("Wrote SYNTHETIC sample data %s (%d bars, seed %d)", target, bars, seed);
                }
                files.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data to " + dataDir, e);
        }
        return files;
    }

    private void writeAtomically(Path target, String symbol, Duration step, int bars)
            throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeSeries(out, symbol, step, bars);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the CSV text of one symbol's walk ({@code bars} bars from {@link #START}) to {@code out};
     * the {@code sample} data source of the data loader reads it from here.
     */
    public void writeSeries(Writer out, String symbol, String timeframe, int bars) {
        try {
            writeSeries(out, symbol, Timeframes.duration(timeframe), bars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data for " + symbol, e);
        }
    }

    /** What the data is, for the first line of a dataset made from it. */
    public String describe() {
        return "seeded random walk (seed " + seed + ")";
    }

    /** A random walk of log returns with a little momentum, so there is something to learn. */
    private void writeSeries(Writer out, String symbol, Duration step, int bars)
            throws IOException {
        Random random = new Random(seed * 31 + symbol.hashCode());
        out.write("# SYNTHETIC sample data: seeded random walk (seed " + seed + "), not market data\n");
        out.write("timestamp,open,high,low,close,volume\n");
        double close = 50 + random.nextInt(200);
        double lastReturn = 0;
        Instant time = START;
        for (int i = 0; i < bars; i++) {
            double open = close;
            lastReturn = MOMENTUM * lastReturn + VOLATILITY * random.nextGaussian();
            close = open * Math.exp(lastReturn);
            double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * VOLATILITY / 2);
            double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * VOLATILITY / 2);
            long volume = Math.round(1_000_000 * Math.exp(0.3 * random.nextGaussian()));
            out.write(time + "," + round(open) + "," + round(high) + "," + round(low) + ","
                    + round(close) + "," + volume + "\n");
            time = time.plus(step);
        }
    }

    private static String round(double price) {
        return Double.toString(Math.round(price * 10_000) / 10_000.0);
    }
}
