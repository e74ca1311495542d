package io.opsbridge.workloads.training;

import java.time.Instant;

/** One price bar: the open, high, low and close over a timeframe starting at {@code timestamp}. */
public record OhlcvBar(Instant timestamp, double open, double high, double low, double close, double volume) {
}
