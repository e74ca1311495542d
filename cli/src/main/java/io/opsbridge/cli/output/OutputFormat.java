package io.opsbridge.cli.output;

/** {@code --output}: tables and lines for people (fitting 80 columns, or every column), JSON or YAML for scripts. */
public enum OutputFormat {
    table,
    wide,
    json,
    yaml
}
