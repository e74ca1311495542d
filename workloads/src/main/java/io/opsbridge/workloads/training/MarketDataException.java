package io.opsbridge.workloads.training;

/** A market-data file that cannot be read or does not hold enough usable bars. */
public class MarketDataException extends RuntimeException {

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
