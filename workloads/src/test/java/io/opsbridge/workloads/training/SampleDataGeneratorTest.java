package io.opsbridge.workloads.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesTheSameBytes() throws Exception {
        new SampleDataGenerator(7).generate(tmp.resolve("a"), List.of("AAPL", "MSFT"), "1h", 200);
        new SampleDataGenerator(7).generate(tmp.resolve("b"), List.of("AAPL", "MSFT"), "1h", 200);
        new SampleDataGenerator(8).generate(tmp.resolve("c"), List.of("AAPL"), "1h", 200);

        assertThat(Files.readString(tmp.resolve("a/AAPL_1h.csv"))).isEqualTo(Files.readString(tmp.resolve("b/AAPL_1h.csv")));
        assertThat(Files.readString(tmp.resolve("a/AAPL_1h.csv"))).isNotEqualTo(Files.readString(tmp.resolve("c/AAPL_1h.csv")));
        assertThat(Files.readString(tmp.resolve("a/AAPL_1h.csv"))).isNotEqualTo(Files.readString(tmp.resolve("a/MSFT_1h.csv")));
    }

    @Test
    void writesReadableBarsMarkedSynthetic() throws Exception {
        List<Path> files = new SampleDataGenerator(1).generate(tmp, List.of("GOOG"), "4h", 50);

        assertThat(files).containsExactly(tmp.resolve("GOOG_4h.csv"));
        assertThat(Files.readAllLines(files.get(0)).get(0)).startsWith("# SYNTHETIC");
        List<OhlcvBar> bars = new OhlcvCsvReader(tmp).read("GOOG", "4h");
        assertThat(bars).hasSize(50);
        assertThat(Duration.between(bars.get(0).timestamp(), bars.get(1).timestamp())).isEqualTo(Duration.ofHours(4));
        assertThat(bars).allSatisfy(b -> {
            assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
            assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
            assertThat(b.volume()).isPositive();
        });
        try (var leftovers = Files.list(tmp)) {
            assertThat(leftovers).containsExactly(tmp.resolve("GOOG_4h.csv"));
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Files.writeString(tmp.resolve("AAPL_1h.csv"), "mine");

        new SampleDataGenerator(1).generate(tmp, List.of("AAPL", "MSFT"), "1h", 30);

        assertThat(Files.readString(tmp.resolve("AAPL_1h.csv"))).isEqualTo("mine");
        assertThat(tmp.resolve("MSFT_1h.csv")).exists();
    }

    @Test
    void defaultsAreThreeSymbolsOfTwoThousandHourlyBars() {
        List<Path> files = new SampleDataGenerator(SampleDataGenerator.DEFAULT_SEED).ensureDefaults(tmp);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("AAPL_1h.csv", "MSFT_1h.csv", "GOOG_1h.csv");
        assertThat(new OhlcvCsvReader(tmp).read("MSFT", "1h")).hasSize(2000);
    }
}
