package io.opsbridge.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.training.OhlcvCsvReader;
import io.opsbridge.workloads.training.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation rules on crafted broker files, and what a load reports about them. */
class DataLoaderTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path tmp;
    private Path sources;
    private DataLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        sources = Files.createDirectories(tmp.resolve("sources"));
        loader = new DataLoader(new DatasetStore(tmp.resolve("datasets")), List.of(new CsvDirectorySource(sources),
                new SampleSource(new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED))), 2);
    }

    @Test
    void cleanFileIsLoadedWholeAndTrainingCanReadIt() throws IOException {
        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z") + bar("2024-01-01T01:00:00Z") + bar("2024-01-01T02:00:00Z"));

        DataLoadResult result = load("AAPL");

        assertThat(result.rowsLoaded()).isEqualTo(3);
        assertThat(result.rowsRejected()).isZero();
        assertThat(new OhlcvCsvReader(tmp.resolve("datasets")).read("AAPL", "1h")).hasSize(3);
    }

    @Test
    void duplicateTimestampIsRejectedAndReportedWithItsLine() throws IOException {
        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z") + bar("2024-01-01T01:00:00Z") + bar("2024-01-01T01:00:00Z")
                + bar("2024-01-01T02:00:00Z"));

        SymbolLoad aapl = load("AAPL").symbols().get(0);

        assertThat(aapl.rowsLoaded()).isEqualTo(3);
        assertThat(aapl.rowsRejected()).isEqualTo(1);
        assertThat(aapl.rejectedByReason()).containsEntry("duplicate_timestamp", 1L);
        assertThat(aapl.rejectedExamples()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("line", 4L).containsEntry("reason", "duplicate_timestamp"));
    }

    @Test
    void highBelowLowAndOtherInconsistentBarsAreRejected() throws IOException {
        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z")
                + "2024-01-01T01:00:00Z,10,9,11,10,100\n"       // high < low
                + "2024-01-01T02:00:00Z,10,11,9,12,100\n"       // close above high
                + "2024-01-01T03:00:00Z,10,11,9,10,-5\n"        // negative volume
                + "2024-01-01T04:00:00Z,0,11,9,10,5\n"          // zero price
                + "2023-12-31T00:00:00Z,10,11,9,10,5\n"         // earlier than the last bar
                + bar("2024-01-01T05:00:00Z"));

        SymbolLoad aapl = load("AAPL").symbols().get(0);

        assertThat(aapl.rowsLoaded()).isEqualTo(2);
        assertThat(aapl.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "high_low_inconsistent", 2L, "negative_volume", 1L, "non_positive_price", 1L, "not_increasing", 1L));
        assertThat(aapl.gaps()).isEqualTo(1);
        assertThat(aapl.missingBars()).isEqualTo(4);
        assertThat(aapl.issuesFound()).isEqualTo(6);
    }

    @Test
    void badNumberFailsTheSymbolNamingFileAndLineWhileOthersLoad() throws IOException {
        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z") + "2024-01-01T01:00:00Z,10,abc,9,10,100\n");
        write("MSFT", HEADER + bar("2024-01-01T00:00:00Z"));

        DataLoadResult result = load("AAPL", "MSFT");

        SymbolLoad aapl = result.symbols().get(0);
        assertThat(aapl.status()).isEqualTo("failed");
        assertThat(aapl.error()).isEqualTo("AAPL_1h.csv line 3: not a number in column 'high': 'abc'");
        assertThat(result.symbols().get(1).isLoaded()).isTrue();
        assertThat(result.toSummary()).containsEntry("symbols_loaded", 1L).containsEntry("symbols_failed", 1L);
        assertThat(loader.store().exists("AAPL", "1h")).isFalse();
        assertThat(result.toSummary().get("warnings")).asList()
                .containsExactly("AAPL not loaded: AAPL_1h.csv line 3: not a number in column 'high': 'abc'");
    }

    @Test
    void aCleanLoadHasNoWarningsAndRejectedRowsAreOne() throws IOException {
        write("MSFT", HEADER + bar("2024-01-01T00:00:00Z"));
        assertThat(load("MSFT").warnings()).isEmpty();

        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z") + bar("2024-01-01T00:00:00Z"));
        assertThat(load("AAPL").warnings()).singleElement().asString()
                .startsWith("AAPL: 1 rows rejected {duplicate_timestamp");
    }

    @Test
    void aRequestWithoutSourceLoadsTheSampleSetAndSourcesAreListed() throws IOException {
        DataLoadResult result = loader.run("op", new DataLoadRequest(List.of("NEWSYM"), "1h", null, null, null, null),
                new DataLoadingProgressBridge());
        assertThat(result.source()).isEqualTo("sample");

        write("AAPL", HEADER + bar("2024-01-01T00:00:00Z"));
        assertThat(loader.sources()).extracting(DataSourceInfo::name).containsExactly("csv", "sample");
        assertThat(loader.sources().get(0).files()).containsExactly("AAPL_1h.csv");
        assertThat(loader.sources().get(1).files()).isNull();
    }

    @Test
    void emptyFileFailsTheSymbolAndALoadWithNothingLoadedFails() throws IOException {
        write("AAPL", "");
        write("MSFT", HEADER);

        assertThatThrownBy(() -> load("AAPL", "MSFT"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("AAPL_1h.csv is empty")
                .hasMessageContaining("MSFT_1h.csv is empty");
    }

    @Test
    void headerColumnsAreFoundByNameAndEpochTimestampsAreRead() throws IOException {
        write("AAPL", "Date,Volume,Open,High,Low,Close,Adj Close\n"
                + "1704067200,100,10,11,9,10.5,10.4\n" + "1704070800000,100,10,11,9,10.5,10.4\n");

        load("AAPL");

        assertThat(new OhlcvCsvReader(tmp.resolve("datasets")).read("AAPL", "1h"))
                .extracting(b -> b.timestamp().toString(), b -> b.close(), b -> b.volume())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01-01T00:00:00Z", 10.5, 100.0),
                        org.assertj.core.groups.Tuple.tuple("2024-01-01T01:00:00Z", 10.5, 100.0));
    }

    @Test
    void onlyBarsInTheDateRangeAreKept() throws IOException {
        write("AAPL", bar("2023-12-31T23:00:00Z") + bar("2024-01-01T00:00:00Z") + bar("2024-01-02T23:00:00Z")
                + bar("2024-01-03T00:00:00Z"));

        SymbolLoad aapl = loader.run("op", new DataLoadRequest(List.of("AAPL"), "1h", "2024-01-01", "2024-01-02",
                "csv", null), new DataLoadingProgressBridge()).symbols().get(0);

        assertThat(aapl.rowsLoaded()).isEqualTo(2);
        assertThat(aapl.rowsOutsideRange()).isEqualTo(2);
        assertThat(aapl.firstTimestamp()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(aapl.lastTimestamp()).isEqualTo("2024-01-02T23:00:00Z");
    }

    @Test
    void sampleSourceLoadsTheSyntheticSetOffline() {
        DataLoadResult result = loader.run("op", DataLoadRequest.of(List.of("AAPL", "GOOG"), "1h", "sample"),
                new DataLoadingProgressBridge());

        assertThat(result.rowsLoaded()).isEqualTo(2 * SampleDataGenerator.DEFAULT_BARS);
        assertThat(result.rowsRejected()).isZero();
    }

    @Test
    void badRequestsNameTheirField() {
        assertThatThrownBy(() -> loader.validate(DataLoadRequest.of(List.of("NOPE"), "1h", "csv")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("symbols: source 'csv' has no data for NOPE at 1h")
                .hasMessageContaining("the directory has no files").hasMessageContaining("use source 'sample'");
        assertThatThrownBy(() -> loader.validate(DataLoadRequest.of(List.of("AAPL"), "1h", "ftp")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("source:");
        assertThatThrownBy(() -> loader.validate(new DataLoadRequest(List.of("AAPL"), "1h", "2024-02-01", "2024-01-01",
                "sample", null))).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("end_date:");
        assertThatThrownBy(() -> loader.validate(new DataLoadRequest(List.of("AAPL"), "1h", "yesterday", null,
                "sample", null))).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("start_date:");
        assertThatThrownBy(() -> loader.validate(DataLoadRequest.of(List.of("../etc"), "1h", "sample")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("symbols:");
    }

    private DataLoadResult load(String... symbols) {
        return loader.run("op_test", DataLoadRequest.of(List.of(symbols), "1h", "csv"), new DataLoadingProgressBridge());
    }

    private void write(String symbol, String content) throws IOException {
        Files.writeString(sources.resolve(symbol + "_1h.csv"), content);
    }

    private static String bar(String timestamp) {
        return timestamp + ",10,11,9,10.5,100\n";
    }
}
