package io.opsbridge.backend.signals;

/** A symbol has no data file, or too few bars up to the date asked; answered with 404 naming it. */
public class MissingMarketDataException extends RuntimeException {

    public MissingMarketDataException(String message) {
        super(message);
    }
}
