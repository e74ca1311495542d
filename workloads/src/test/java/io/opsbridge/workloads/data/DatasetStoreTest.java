package io.opsbridge.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.core.bridge.OperationCancelledException;
import io.opsbridge.workloads.training.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset is replaced whole or not at all, by one writer at a time. */
class DatasetStoreTest {

    @TempDir
    Path tmp;
    private Path sources;
    private DatasetStore store;
    private DataLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        sources = Files.createDirectories(tmp.resolve("sources"));
        store = new DatasetStore(tmp.resolve("datasets"));
        loader = new DataLoader(store, List.of(new CsvDirectorySource(sources)), 100);
    }

    @Test
    void aParseFailureMidwayLeavesThePreviousDatasetIntact() throws IOException {
        new SampleDataGenerator(1).generate(sources, List.of("AAPL"), "1h", 500);
        load();
        byte[] before = Files.readAllBytes(store.file("AAPL", "1h"));

        StringBuilder bigger = new StringBuilder();
        for (String line : Files.readAllLines(sources.resolve("AAPL_1h.csv"))) {
            bigger.append(line).append('\n');
        }
        bigger.append("2030-01-01T00:00:00Z,1,2,oops,1,1\n");
        Files.writeString(sources.resolve("AAPL_1h.csv"), bigger);
        assertThatThrownBy(() -> loader.run("op2", DataLoadRequest.of(List.of("AAPL"), "1h", "csv"),
                new DataLoadingProgressBridge())).hasMessageContaining("AAPL_1h.csv line 503");

        assertThat(Files.readAllBytes(store.file("AAPL", "1h"))).isEqualTo(before);
        assertNoTemporaryFiles();
    }

    @Test
    void aCancelMidwayLeavesThePreviousDatasetIntact() throws IOException {
        new SampleDataGenerator(1).generate(sources, List.of("AAPL"), "1h", 1000);
        load();
        byte[] before = Files.readAllBytes(store.file("AAPL", "1h"));
        DataLoadingProgressBridge cancelling = new DataLoadingProgressBridge() {
            @Override
            public void onSymbolProgress(String symbol, long rowsLoaded, long rowsEstimate) {
                super.onSymbolProgress(symbol, rowsLoaded, rowsEstimate);
                if (rowsLoaded >= 300) {
                    requestCancel();
                }
            }
        };
        Files.writeString(sources.resolve("AAPL_1h.csv"), "timestamp,open,high,low,close,volume\n"
                + String.join("", java.util.stream.IntStream.range(0, 1000)
                        .mapToObj(i -> (1_700_000_000L + i * 3600L) + ",1,2,0.5,1.5,10\n").toList()));

        assertThatThrownBy(() -> loader.run("op2", DataLoadRequest.of(List.of("AAPL"), "1h", "csv"), cancelling))
                .isInstanceOf(OperationCancelledException.class);

        assertThat(Files.readAllBytes(store.file("AAPL", "1h"))).isEqualTo(before);
        assertNoTemporaryFiles();
    }

    @Test
    void aWriteInProgressIsInvisibleUntilCommitted() throws IOException {
        BarRow row = new BarRow();
        try (DatasetWriter writer = store.openWriter("AAPL", "1h")) {
            writer.header();
            assertThat(store.exists("AAPL", "1h")).isFalse();
            assertThat(writer.tmpFile().getFileName().toString()).startsWith(".AAPL_1h.csv.");
            writer.commit();
        }
        assertThat(store.exists("AAPL", "1h")).isTrue();
        assertThat(row).isNotNull();
    }

    @Test
    void oneWriterAtATimePerDataset() {
        try (DatasetWriter first = store.openWriter("AAPL", "1h")) {
            assertThatThrownBy(() -> store.openWriter("AAPL", "1h"))
                    .isInstanceOf(DatasetStore.DatasetBusyException.class)
                    .hasMessageContaining("AAPL 1h is being written by another load");
            store.openWriter("AAPL", "4h").close(); // another dataset is free
        }
        store.openWriter("AAPL", "1h").close(); // and this one is free again once closed
    }

    private void load() {
        assertThat(loader.run("op1", DataLoadRequest.of(List.of("AAPL"), "1h", "csv"), new DataLoadingProgressBridge())
                .symbolsLoaded()).isEqualTo(1);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(store.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
