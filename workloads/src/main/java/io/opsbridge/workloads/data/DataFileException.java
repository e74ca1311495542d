package io.opsbridge.workloads.data;

/** A source file that cannot be parsed (or holds nothing to load); the message names file and line. */
public class DataFileException extends RuntimeException {

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static DataFileException atLine(String file, long line, String why) {
        return new DataFileException(file + " line " + line + ": " + why);
    }
}
