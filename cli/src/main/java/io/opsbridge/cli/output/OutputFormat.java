package io.opsbridge.cli.output;

/** {@code --output}: tables and lines for people, JSON for scripts. */
public enum OutputFormat {
    table,
    json
}
