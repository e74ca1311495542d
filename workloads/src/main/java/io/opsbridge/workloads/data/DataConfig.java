package io.opsbridge.workloads.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where a process's data loads read from and write to. */
@ConfigMapping(prefix = "opsbridge.data")
public interface DataConfig {

    /** The dataset store: normalized {@code {SYMBOL}_{timeframe}.csv} files that training reads (same as training's data dir by default). */
    @WithDefault("${opsbridge.training.data-dir:data/market}")
    Path datasetsDir();

    /** Source {@code csv}: broker exports named {@code {SYMBOL}_{timeframe}.csv}. */
    @WithDefault("data/sources")
    Path sourceDir();

    /** Load the synthetic sample set (AAPL, MSFT, GOOG at 1h, source {@code sample}) at startup where it is not loaded yet. */
    @WithDefault("true")
    boolean sampleAtStartup();

    /** How many rows a load reads between two progress reports. */
    @WithDefault("10000")
    int progressEveryRows();
}
