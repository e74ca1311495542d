package io.opsbridge.backend.fuzz;

import java.util.List;
import java.util.Random;

/** The hostile values a fuzz run draws from: as text (for paths and queries) and as JSON (for bodies). */
final class HostileValues {

    static final String HUGE = "A".repeat(100_000);

    /** Values sent as text: in a path segment, a query parameter, or as a JSON string. */
    static final List<String> TEXT = List.of(
            "1e309", "-1e309", "-9223372036854775808", "9223372036854775808", "99999999999999999999999999", "-1", "0",
            "2147483648", "NaN", "Infinity", "+1000000000-12-31T23:59:59.999999999Z", "+999999999-12-31",
            "-999999999-01-01", "0001-01-01", "9999-99-99", "2024-02-30", "P999999999999D", "PT9223372036854775807S",
            "-PT1S", "999999999d", "0s", "../../etc/passwd", "..", "%2e%2e%2f", "/", "CON", "LPT1.TXT", "A..",
            HUGE, "\u0000", "\u0001\u0002\u001f\u007f", "line\r\nInjected: yes", "\t", " ", "", "é日本語🙂\uFFFF",
            "\uD800", "'; DROP TABLE operations; --", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>",
            "true", "null", "[]", "{}", "op_training_20240101_000000_deadbeef", "op_../../x", "admin");

    /** JSON values that are not strings: numbers out of every range, and every wrong type. */
    static final List<String> JSON = List.of(
            "1e309", "-1e309", "-9223372036854775808", "9223372036854775808", "99999999999999999999999999", "-1", "0",
            "1.5", "-0.0", "2147483648", "true", "false", "null", "[]", "[1,2]", "[[[]]]", "{}", "{\"a\":1}",
            "[\"AAPL\",null]", "[" + "1,".repeat(10_000) + "1]", "[".repeat(2_000) + "]".repeat(2_000),
            "{\"$ref\":\"#/x\"}");

    /** Whole bodies that are not the JSON object an endpoint expects. */
    static final List<String> BODIES = List.of(
            "", " ", "{", "}", "{\"symbols\":", "{\"a\":1,}", "[1,2]", "\"text\"", "42", "null", "true",
            "{\"a\":1}{\"b\":2}", "{'single':'quotes'}", "{\"a\":NaN}", "\u0000", "{\"a\":\"\u0000\"}",
            "{\"a\":\"\\ud800\"}", "\uFEFF{}", "{\"" + HUGE + "\":1}", "{" + "\"k\":{".repeat(1_500) + "}".repeat(1_501),
            "<xml/>", "a=b&c=d");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=ebcdic", "application/json; charset=utf-16", "*/*", "application/problem+json",
            "garbage", ";;;");

    static final List<String> ACCEPTS = List.of("text/xml", "image/png", "application/json;q=0", "garbage/", "*/*");

    /** Headers the app reads (conditional reads, request ids, idempotency, credentials). */
    static final List<String> HEADERS = List.of("If-None-Match", "X-Request-Id", "Idempotency-Key", "Authorization",
            "Range", "If-Modified-Since");

    /** The text values a header may carry at all (printable ASCII; the client refuses the rest). */
    static final List<String> HEADER_VALUES = TEXT.stream()
            .filter(v -> v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).toList();

    private HostileValues() {
    }

    static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
