package io.opsbridge.workloads.data;

import io.opsbridge.workloads.training.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the rows of a broker's OHLCV export: {@code timestamp,open,high,low,close,volume}.
 *
 * <p>The header is optional; when present, columns are found by name (e.g. {@code Date}, {@code Open},
 * {@code Volume}, in any order, extra columns ignored), otherwise by position. Blank lines and lines
 * starting with {@code #} are skipped. A line that cannot be parsed ends the file with a
 * {@link DataFileException} naming file and line: such a file is not trusted at all.
 */
final class BarCsvParser {

    private static final Map<String, Integer> COLUMN_NAMES = Map.ofEntries(
            Map.entry("timestamp", 0), Map.entry("time", 0), Map.entry("date", 0), Map.entry("datetime", 0),
            Map.entry("ts", 0), Map.entry("open", 1), Map.entry("o", 1), Map.entry("high", 2), Map.entry("h", 2),
            Map.entry("low", 3), Map.entry("l", 3), Map.entry("close", 4), Map.entry("c", 4),
            Map.entry("volume", 5), Map.entry("vol", 5), Map.entry("v", 5));
    private static final String[] REQUIRED = {"timestamp", "open", "high", "low", "close", "volume"};

    private final String file;
    private final BufferedReader in;
    private final BarRow row = new BarRow();
    private int[] columns = {0, 1, 2, 3, 4, 5};
    private int minColumns = 6;
    private long lineNumber;
    private long bytesRead;
    private boolean sawData;

    BarCsvParser(String file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    /** The next data row, or null at the end of the file. */
    BarRow next() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                bytesRead += line.length() + 1;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                    continue;
                }
                if (!sawData && Character.isLetter(trimmed.charAt(0))) {
                    readHeader(trimmed);
                    sawData = true;
                    continue;
                }
                sawData = true;
                parse(trimmed);
                return row;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " after line " + lineNumber, e);
        }
    }

    /** Characters consumed so far (roughly bytes), for estimating how many rows a file holds. */
    long bytesRead() {
        return bytesRead;
    }

    private void readHeader(String line) {
        String[] names = line.split(",", -1);
        int[] found = {-1, -1, -1, -1, -1, -1};
        for (int i = 0; i < names.length; i++) {
            Integer column = COLUMN_NAMES.get(unquote(names[i].strip()).toLowerCase(Locale.ROOT));
            if (column != null && found[column] < 0) {
                found[column] = i;
            }
        }
        int max = 0;
        for (int c = 0; c < found.length; c++) {
            if (found[c] < 0) {
                throw DataFileException.atLine(file, lineNumber, "header has no '" + REQUIRED[c] + "' column: " + line);
            }
            max = Math.max(max, found[c]);
        }
        columns = found;
        minColumns = max + 1;
    }

    private void parse(String line) {
        String[] cols = line.split(",", -1);
        if (cols.length < minColumns) {
            throw DataFileException.atLine(file, lineNumber, "expected " + minColumns + " columns, found " + cols.length);
        }
        row.line = lineNumber;
        String ts = unquote(cols[columns[0]].strip());
        try {
            row.timestamp = Timestamps.parse(ts);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw DataFileException.atLine(file, lineNumber, "not a timestamp: '" + ts + "'");
        }
        row.open = number(cols, 1);
        row.high = number(cols, 2);
        row.low = number(cols, 3);
        row.close = number(cols, 4);
        row.volume = number(cols, 5);
    }

    private double number(String[] cols, int column) {
        String text = unquote(cols[columns[column]].strip());
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            throw DataFileException.atLine(file, lineNumber, "not a number in column '" + REQUIRED[column] + "': '"
                    + text + "'");
        }
        row.text[column - 1] = text;
        return value;
    }

    private static String unquote(String text) {
        int n = text.length();
        return n >= 2 && text.charAt(0) == '"' && text.charAt(n - 1) == '"' ? text.substring(1, n - 1).strip() : text;
    }
}
