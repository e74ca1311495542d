package io.opsbridge.cli.commands;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.TypeConversionException;

/** Command-line values a user types by hand, read leniently and refused in one plain line. */
final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * The server address: {@code localhost:8080} is taken as {@code http://localhost:8080}; only
     * http and https are accepted.
     *
     * @throws TypeConversionException for anything else: a usage error, exit code 2
     */
    static URI parse(String text) {
        String value = text == null ? "" : text.trim();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "expected http://HOST[:PORT]");
            }
            return URI.create(value.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new TypeConversionException("'" + text + "' is not a server address (e.g. http://localhost:8080)");
        }
    }

    /** A day as {@code YYYY-MM-DD}, with a message that says which value was wrong and nothing of java.time. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date: expected YYYY-MM-DD, e.g. 2024-01-31");
        }
    }
}
