package io.opsbridge.benchmarks;

import io.opsbridge.workloads.data.CsvDirectorySource;
import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadResult;
import io.opsbridge.workloads.data.DataLoader;
import io.opsbridge.workloads.data.DataLoadingProgressBridge;
import io.opsbridge.workloads.data.DatasetStore;
import io.opsbridge.workloads.training.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One load of a 1,000,000-row broker file (1m bars, the synthetic walk): parse, validate, write the
 * dataset atomically, report to a real {@link DataLoadingProgressBridge}. Rows/s = 1e6 / time.
 *
 * <p>{@code progressEveryRows} shows the bridge's share: 10000 is the default (100 reports per
 * file); 1 reports every row, so the difference divided by 1e6 is the cost of one bridge write on
 * this path.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class DataLoadBenchmark {

    static final int ROWS = 1_000_000;

    @Param({"10000", "1"})
    public int progressEveryRows;

    private Path dir;
    private DataLoader loader;
    private final DataLoadRequest request = DataLoadRequest.of(List.of("BENCH"), "1m", "csv");

    @Setup(Level.Trial)
    public void writeSourceFile() throws IOException {
        dir = Files.createTempDirectory("opsbridge-bench");
        new SampleDataGenerator(1).generate(dir.resolve("sources"), List.of("BENCH"), "1m", ROWS);
        loader = new DataLoader(new DatasetStore(dir.resolve("datasets")),
                List.of(new CsvDirectorySource(dir.resolve("sources"))), progressEveryRows);
    }

    @Benchmark
    public DataLoadResult loadOneMillionRows() {
        DataLoadResult result = loader.run("bench", request, new DataLoadingProgressBridge());
        if (result.rowsLoaded() != ROWS) {
            throw new IllegalStateException("loaded " + result.rowsLoaded() + " rows");
        }
        return result;
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
