package io.opsbridge.backend.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code /q/metrics} as an operator's scraper would: one series' value, or how much it moved between two scrapes. */
public final class Scrapes {

    private Scrapes() {
    }

    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    public static double delta(String before, String after, String series) {
        return value(after, series) - valueOrZero(before, series);
    }

    public static double valueOrZero(String scrape, String series) {
        Matcher m = line(scrape, series);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    public static double value(String scrape, String series) {
        Matcher m = line(scrape, series);
        assertThat(m.find()).as("series " + series + " in\n" + scrape.lines()
                .filter(l -> l.startsWith("opsbridge_")).reduce("", (a, b) -> a + b + "\n")).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The line of {@code series}; the Prometheus text format may end a label set with a comma ({@code {a="b",}}). */
    private static Matcher line(String scrape, String series) {
        String labels = series.endsWith("}") ? Pattern.quote(series.substring(0, series.length() - 1)) + ",?\\}"
                : Pattern.quote(series);
        return Pattern.compile("(?m)^" + labels + " (\\S+)$").matcher(scrape);
    }
}
