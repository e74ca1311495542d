package io.opsbridge.workloads.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OhlcvCsvReaderTest {

    @TempDir
    Path dataDir;

    @Test
    void readsAFileWithHeaderAndIsoTimestamps() throws Exception {
        write("AAPL_1h.csv", """
                timestamp,open,high,low,close,volume
                2024-01-02T00:00:00Z,10,11,9,10.5,1000
                2024-01-02T02:00:00+01:00,10.5,12,10,11.5,2000
                2024-01-02 02:00:00,11.5,12,11,11.75,1500
                """);

        List<OhlcvBar> bars = new OhlcvCsvReader(dataDir).read("AAPL", "1h");

        assertThat(bars).containsExactly(
                new OhlcvBar(Instant.parse("2024-01-02T00:00:00Z"), 10, 11, 9, 10.5, 1000),
                new OhlcvBar(Instant.parse("2024-01-02T01:00:00Z"), 10.5, 12, 10, 11.5, 2000),
                new OhlcvBar(Instant.parse("2024-01-02T02:00:00Z"), 11.5, 12, 11, 11.75, 1500));
    }

    @Test
    void readsAFileWithoutHeaderWithEpochSecondsAndMillis() throws Exception {
        write("MSFT_1d.csv", """
                1704153600,1,2,0.5,1.5,10
                1704240000000,1.5,2,1,1.75,20
                """);

        List<OhlcvBar> bars = new OhlcvCsvReader(dataDir).read("MSFT", "1d");

        assertThat(bars).extracting(OhlcvBar::timestamp)
                .containsExactly(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(bars.get(1).close()).isEqualTo(1.75);
    }

    @Test
    void readsADailyFileWithDateOnlyTimestamps() throws Exception {
        write("AAPL_1d.csv", """
                timestamp,open,high,low,close,volume
                2024-01-02,10,11,9,10.5,1000
                2024-01-03,10.5,12,10,11.5,2000
                """);

        List<OhlcvBar> bars = new OhlcvCsvReader(dataDir).read("AAPL", "1d");

        assertThat(bars).extracting(OhlcvBar::timestamp)
                .containsExactly(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));
    }

    @Test
    void skipsCommentsAndBlankLinesAndSortsByTime() throws Exception {
        write("GOOG_1h.csv", """
                # SYNTHETIC
                timestamp,open,high,low,close,volume

                2024-01-02T01:00:00Z,2,2,2,2,2
                2024-01-02T00:00:00Z,1,1,1,1,1
                """);

        assertThat(new OhlcvCsvReader(dataDir).read("GOOG", "1h")).extracting(OhlcvBar::close).containsExactly(1.0, 2.0);
    }

    @Test
    void malformedLineIsReportedWithFileAndLine() throws Exception {
        write("BAD_1h.csv", "timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,1,2,x,1,1\n");

        assertThatThrownBy(() -> new OhlcvCsvReader(dataDir).read("BAD", "1h"))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("BAD_1h.csv line 2");
    }

    @Test
    void tellsWhetherAFileExists() throws Exception {
        write("AAPL_1h.csv", "");
        OhlcvCsvReader reader = new OhlcvCsvReader(dataDir);

        assertThat(reader.exists("AAPL", "1h")).isTrue();
        assertThat(reader.exists("AAPL", "4h")).isFalse();
        assertThatThrownBy(() -> reader.read("AAPL", "4h")).isInstanceOf(MarketDataException.class);
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dataDir.resolve(name), content);
    }
}
