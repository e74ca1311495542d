package io.opsbridge.workloads.training;

import io.opsbridge.core.DeterministicFailure;

/** A market-data file that cannot be read or does not hold enough usable bars: a new attempt would fail alike. */
public class MarketDataException extends RuntimeException implements DeterministicFailure {

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
