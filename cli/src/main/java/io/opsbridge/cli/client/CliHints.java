package io.opsbridge.cli.client;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's hints name HTTP calls, for every client ({@code load it first: POST /api/v1/data/loads
 * {"symbols":["AAPL"],"timeframe":"1h"}}); a person at the CLI gets the command that does it
 * ({@code opsbridge data load --symbols AAPL --timeframe 1h}).
 */
final class CliHints {

    private record Rewrite(Pattern call, String command) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("POST /api/v1/data/loads \\{\"symbols\":\\[\"([^\"]+)\"],\"timeframe\":\"([^\"]+)\"}"),
                    "opsbridge data load --symbols $1 --timeframe $2"),
            new Rewrite(Pattern.compile("POST /api/v1/data/loads"), "opsbridge data load --symbols SYMBOLS"),
            new Rewrite(Pattern.compile("POST /api/v1/models/([^/\\s]+)/\\{version}/activate"),
                    "opsbridge models activate $1 VERSION (see opsbridge models list --strategy $1)"),
            new Rewrite(Pattern.compile("POST /api/v1/trainings"), "opsbridge train --symbols SYMBOLS"),
            new Rewrite(Pattern.compile("POST /api/v1/operations/([^/\\s]+)/cancel"), "opsbridge ops cancel $1"),
            new Rewrite(Pattern.compile("GET /api/v1/operations/([^/\\s?]+)"), "opsbridge ops get $1"));

    private CliHints() {
    }

    static String asCommands(String text) {
        String result = text;
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.call().matcher(result);
            result = matcher.replaceAll(rewrite.command());
        }
        return result;
    }
}
