package io.opsbridge.workloads.data;

import java.time.Instant;

/**
 * One parsed source line. The parser reuses a single instance per file, so parsing a row allocates
 * only its strings: read the fields before asking for the next row.
 */
public final class BarRow {

    long line;
    Instant timestamp;
    double open;
    double high;
    double low;
    double close;
    double volume;
    /** The number columns as written in the source (trimmed), kept so the dataset loses no precision. */
    final String[] text = new String[5];

    public long line() {
        return line;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public double open() {
        return open;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    public double close() {
        return close;
    }

    public double volume() {
        return volume;
    }
}
