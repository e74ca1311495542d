package io.opsbridge.workloads.training;

import io.opsbridge.api.InvalidRequestException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for the names that become file and directory names: symbols (loads, trainings,
 * signals) and strategies. A name that breaks it is a 400 naming the field, before any work starts.
 *
 * <pre>{@code
 * Names.requireSymbol("symbols", "BRK.B"); // ok; "A..", "CON", "1E309", "../x" are not
 * }</pre>
 */
public final class Names {

    /** Up to 12 letters or digits, optionally one separator ({@code . _ -}) and up to 12 more. */
    public static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{1,12}([._-][A-Z0-9]{1,12})?$");
    /** Lower-case letters, digits, {@code _} or {@code -}, starting with a letter or digit. */
    public static final Pattern STRATEGY = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    // A JSON number turned into a string (1E309, 12E3) is not a symbol somebody meant.
    private static final Pattern NUMBER_LIKE = Pattern.compile("^[0-9]+E[0-9]+$");
    private static final Pattern DEVICE = Pattern.compile("^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])([._-].*)?$");

    private Names() {
    }

    /** Whether {@code symbol} is a valid symbol (already upper case). */
    public static boolean isSymbol(String symbol) {
        return symbol != null && SYMBOL.matcher(symbol).matches() && !NUMBER_LIKE.matcher(symbol).matches()
                && !DEVICE.matcher(symbol).matches();
    }

    /** @throws InvalidRequestException naming {@code field} unless {@code symbol} is valid */
    public static void requireSymbol(String field, String symbol) {
        if (!isSymbol(symbol)) {
            throw new InvalidRequestException(field, "not a valid symbol: '" + abbreviate(symbol)
                    + "' (1-12 letters or digits, optionally one '.', '_' or '-' and 1-12 more; not a device name)");
        }
    }

    /**
     * The symbols field of every start request (loads, trainings, a module's own type): one to {@code max}
     * symbols, each valid.
     *
     * @throws InvalidRequestException naming {@code field} otherwise
     */
    public static void requireSymbols(String field, List<String> symbols, int max) {
        if (symbols == null || symbols.isEmpty()) {
            throw new InvalidRequestException(field, "at least one symbol is required");
        }
        if (symbols.size() > max) {
            throw new InvalidRequestException(field, "at most " + max + " symbols");
        }
        for (String symbol : symbols) {
            requireSymbol(field, symbol);
        }
    }

    /** Whether {@code strategy} is a valid strategy name. */
    public static boolean isStrategy(String strategy) {
        return strategy != null && STRATEGY.matcher(strategy).matches();
    }

    /** @throws InvalidRequestException naming {@code field} unless {@code strategy} is valid */
    public static void requireStrategy(String field, String strategy) {
        if (!isStrategy(strategy)) {
            throw new InvalidRequestException(field, "must be lower-case letters, digits, '_' or '-' (at most 64), was '"
                    + abbreviate(strategy) + "'");
        }
    }

    /** The text for an error message: at most 40 characters, so a 100 KB value is not echoed back. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
