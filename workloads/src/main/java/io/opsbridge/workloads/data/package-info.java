/**
 * The data-loading workload: OHLCV bars from a {@link io.opsbridge.workloads.data.MarketDataSource}
 * (a directory of broker CSV files, or the synthetic sample generator), validated row by row and
 * written atomically into the {@link io.opsbridge.workloads.data.DatasetStore} that training reads,
 * reporting symbol by symbol through a {@link io.opsbridge.workloads.data.DataLoadingProgressBridge}.
 *
 * <p>{@link io.opsbridge.workloads.data.DataLoader} is the entry point, shared by the backend (local
 * mode) and the data host; {@link io.opsbridge.workloads.data.DataLoadingJobs} hands it to a worker.
 */
package io.opsbridge.workloads.data;
