package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.SampleDataGenerator;
import io.opsbridge.workloads.training.Timeframes;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;

/**
 * Source {@code sample}: the SYNTHETIC seeded random walk of {@link SampleDataGenerator}, for any
 * symbol and timeframe, so the demo and the tests run offline. Not market data: every dataset it
 * makes says so in its first line.
 *
 * <p>The walk starts at {@link SampleDataGenerator#START}; without an end date it has
 * {@value SampleDataGenerator#DEFAULT_BARS} bars (the same bytes as the sample set always had),
 * otherwise it runs to the end date, at most {@value #MAX_BARS} bars.
 */
public class SampleSource implements MarketDataSource {

    static final int MAX_BARS = 200_000;

    private final SampleDataGenerator generator;

    public SampleSource(SampleDataGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return DataLoadRequest.SOURCE_SAMPLE;
    }

    @Override
    public DataSourceInfo info() {
        return new DataSourceInfo(name(), "SYNTHETIC seeded random walk for any symbol and timeframe (offline; not market data)",
                null, null);
    }

    @Override
    public boolean has(String symbol, String timeframe) {
        return Timeframes.isValid(timeframe);
    }

    @Override
    public Input open(String symbol, String timeframe, DateRange range) {
        int bars = bars(timeframe, range);
        StringWriter text = new StringWriter(bars * 64);
        generator.writeSeries(text, symbol, timeframe, bars);
        return new Input("sample " + symbol + " " + timeframe, new BufferedReader(new StringReader(text.toString())),
                text.getBuffer().length(), "SYNTHETIC sample data: " + generator.describe() + ", not market data");
    }

    private static int bars(String timeframe, DateRange range) {
        if (range.until() == null) {
            return SampleDataGenerator.DEFAULT_BARS;
        }
        Duration step = Timeframes.duration(timeframe);
        long span = Duration.between(SampleDataGenerator.START, range.until()).toSeconds() / step.toSeconds();
        return (int) Math.max(0, Math.min(MAX_BARS, span));
    }
}
